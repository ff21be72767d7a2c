/**
 * Rotations of parameter space as values, and optimizers run in a rotated basis (adam-rotation.md §2–§3, issue 13).
 *
 * <ul>
 *   <li>{@link org.optdyn.engine.rotation.Rotation}: an orthogonal map {@code R} of {@code R^D} with {@code R x} and
 *       {@code R^T x}, allocation-free;</li>
 *   <li>{@link org.optdyn.engine.rotation.DenseRotation}: an explicit orthogonal matrix, Haar-distributed on
 *       {@code O(n)} or {@code SO(n)} (sign-fixed QR, Mezzadri 2007);</li>
 *   <li>{@link org.optdyn.engine.rotation.BlockRotation}: the paper's construction, one shared Haar block repeated
 *       along a random permutation, plus a residual block; {@code O(n D)} per application;</li>
 *   <li>{@link org.optdyn.engine.rotation.SignedPermutation}: the rotations Adam is equivariant under (fact 3);</li>
 *   <li>{@link org.optdyn.engine.rotation.ScopedRotation}: global, layer-, output- or input-wise rotations of a
 *       model's matrix-shaped parameters ({@link org.optdyn.engine.rotation.ParameterLayout},
 *       {@link org.optdyn.engine.rotation.Scope});</li>
 *   <li>{@link org.optdyn.engine.rotation.RotatedBasis}: any {@link org.optdyn.engine.optim.DoubleUpdateRule} run
 *       in the basis {@code R}: the gradient rotated in, the update rotated out.</li>
 * </ul>
 */
package org.optdyn.engine.rotation;
