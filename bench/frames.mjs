// What the browser benchmarks share: in the page, `window.__afterPaint(callback)` calls
// back once the next frame has painted (an animation frame, then a task after it).

/** Defines `window.__afterPaint` in `page` (call before the page's own script uses it). */
export async function installAfterPaint(page) {
  await page.evaluate(() => {
    window.__afterPaint = (callback) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => callback();
        channel.port2.postMessage(null);
      });
  });
}
