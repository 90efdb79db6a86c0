import type { Provider } from '../auth/tokens';
import type { Cell } from './sheet';

/** One shared spreadsheet holding the complaint log: a Google Sheet or an Excel table. */
export interface SheetRemote {
  provider: Provider;
  create(title: string): Promise<{ id: string; url: string }>;
  /** Every row, the header first; trailing empty cells may be missing. */
  read(id: string): Promise<Cell[][]>;
  /** Rewrites sheet row `row` (1-based); null cells are left as they are. */
  update(id: string, row: number, cells: Cell[]): Promise<void>;
  /** Rewrites many rows in a few calls (Sheets values:batchUpdate; Excel one Update range per span). */
  updateRows(id: string, rows: { row: number; cells: Cell[] }[]): Promise<void>;
  append(id: string, rows: Cell[][]): Promise<void>;
}
