/** Stock of one article: physical in the warehouse, available = physical minus reserved by open orders. */
export interface StockBalance {
  articleNumber: string;
  physical: number;
  available: number;
}
