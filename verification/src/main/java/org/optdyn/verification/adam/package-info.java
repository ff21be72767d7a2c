/**
 * The issue-13 suite, Adam's rotation sensitivity (adam-rotation.md §5): Adam in the axis-aligned basis, in Haar
 * bases and in structured (eigen-aligned) bases of quadratics, against GD's rotation-invariant closed form.
 */
package org.optdyn.verification.adam;
