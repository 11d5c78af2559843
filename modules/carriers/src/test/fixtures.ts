/** Towns of the demo district (镇海区) the carriers' tests place carriers in. */
export const TOWN = '330211001'; // 招宝山街道, the demo `town` officer's
export const TOWN2 = '330211002'; // 蛟川街道, the demo `town2` officer's
