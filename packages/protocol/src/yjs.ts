/**
 * The Yjs every side of the protocol uses — server, provider, tests and benchmarks
 * import it from here. One copy matters to Yjs (its type checks are `instanceof`), and
 * this package's build resolves Yjs's typings in a way CommonJS consumers configured
 * for node16 resolution cannot do themselves (Yjs ships as an ES module package).
 */
export * as Y from 'yjs';
export * as awarenessProtocol from 'y-protocols/awareness';
export { Awareness } from 'y-protocols/awareness';
