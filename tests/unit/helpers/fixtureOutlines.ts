// The level-1 and level-2 headings of the Jianghai fixture, written by reading the published page by hand (the
// web page's half-width commas kept): what both the importer and the CLI outline must find, in order.
export const JIANGHAI_HEADINGS: [level: number, text: string][] = [
  [1, '2025年推进法治政府建设的主要举措及成效'],
  [2, '深入践行习近平法治思想,坚持高标准推进法治政府建设'],
  [2, '持续深化政务服务改革,助力营造法治化一流营商环境'],
  [2, '不断强化数字科技赋能,夯实法治政府建设数字基石'],
  [1, '2025年推进法治政府建设存在的不足'],
  [2, '智慧政务还需待完善。'],
  [2, '网络安全还存在短板。'],
  [1, '2026年度推进法治政府建设的主要安排'],
  [2, '持续完善AI“智能办”服务功能。'],
  [2, '持续推动数据依法有序流动。'],
  [2, '打造法治引领的系统集群。'],
  [2, '筑牢法治化网络安全防护阵地。'],
];
