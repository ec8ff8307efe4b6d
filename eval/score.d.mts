export interface ClusterScore {
  cluster: string;
  rows: [string, string, string][];
  tp: number;
  reported: number;
  goldC: number;
  traps: number;
  trapsHit: number;
  agree: number;
  agreeHit: number;
  unc: number;
  uncHit: number;
  claims: number;
  claimsHit: number;
}
export function scoreCluster(gold: unknown, report: unknown): ClusterScore;
export function overall(scores: ClusterScore[]): ClusterScore & { recall: number; precision: number; f1: number };
export function overallLine(o: ReturnType<typeof overall>): string;
