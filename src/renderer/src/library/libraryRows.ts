/** The library's rows are sorted and filtered by the server (documents.page) with these rules. */
export { filterIndex, filterRows, SORT_KEYS, sortRows, type Sort, type SortKey } from '@shared/library/rows';
