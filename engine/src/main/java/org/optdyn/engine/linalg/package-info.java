/**
 * Dense linear algebra the engine needs and the JDK lacks: the singular value decomposition
 * ({@link org.optdyn.engine.linalg.SingularValueDecomposition}, one-sided Jacobi), used by the orthogonality
 * indicator and the SVD-aligned rotation of adam-rotation.md §3–§4. The engine depends on the JDK only, so this is
 * the one hand-written factorisation; its tests hold it against Hipparchus.
 */
package org.optdyn.engine.linalg;
