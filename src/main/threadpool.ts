/**
 * Imported first by each entry (index.ts, web.ts): libuv's thread pool, which runs every
 * asynchronous file call, has 4 threads unless UV_THREADPOOL_SIZE says otherwise when it is first
 * used. A tag-all writes hundreds of document files side by side (write, fsync, rename each), so
 * with 4 threads they wait their turn for each fsync; 16 let the disk take them together. A value
 * the user set is kept. It takes effect only if nothing used the pool before this module ran,
 * which holds for `node out/main/web.js`; Electron may start its pool earlier (then it keeps 4).
 */
export const THREADPOOL_SIZE = 16;

if (!process.env.UV_THREADPOOL_SIZE) process.env.UV_THREADPOOL_SIZE = String(THREADPOOL_SIZE);
