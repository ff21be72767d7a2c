package org.optdyn.engine.kernel;

import java.util.logging.Logger;

/** Chooses the {@link GaussianKernels} implementation once per process (same rule as {@link Kernels}). */
final class GaussianKernelsProvider {

    private static final Logger LOG = Logger.getLogger(GaussianKernelsProvider.class.getName());

    static final GaussianKernels INSTANCE = choose();

    private GaussianKernelsProvider() {
    }

    private static GaussianKernels choose() {
        boolean wanted = !"false".equalsIgnoreCase(System.getProperty(Kernels.SIMD_PROPERTY, "true"));
        if (!wanted) {
            LOG.info("optdyn: scalar Gaussian kernels in use because -D" + Kernels.SIMD_PROPERTY + "=false");
            return ScalarGaussianKernels.INSTANCE;
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            LOG.info("optdyn: scalar Gaussian kernels in use because module jdk.incubator.vector is absent;"
                    + " add --add-modules=jdk.incubator.vector to use the Vector API");
            return ScalarGaussianKernels.INSTANCE;
        }
        try {
            return new WarmingGaussianKernels(VectorGaussianKernels.create());
        } catch (LinkageError | RuntimeException e) {
            LOG.info("optdyn: scalar Gaussian kernels in use because the Vector API failed to initialize: " + e);
            return ScalarGaussianKernels.INSTANCE;
        }
    }
}
