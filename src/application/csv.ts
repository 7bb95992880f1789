// CSV is written by the server's exports and by the admin page's audit export alike: one writer,
// in the contract, which the Custom UI may import.
export { toCsv, type CsvCell } from '../contract/csv';
