/**
 * Search features: <ProjectSearch/> (the project-wide search view, for App.tsx) and <FindBar/>
 * (find in the open document, which App.tsx hands to the reader to show above the article).
 */
export { FindBar } from './FindBar';
export { ProjectSearch } from './ProjectSearch';
