/**
 * Small models with analytic gradients for report-level optimizer experiments (issue 13): a two-layer perceptron on
 * synthetic Gaussian teacher–student data ({@link org.optdyn.engine.model.TwoLayerMlp}).
 */
package org.optdyn.engine.model;
