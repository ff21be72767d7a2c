/** The experiment catalogue: claims, their checks (measured against derived tolerances) and figures. */
package org.optdyn.verification.experiment;
