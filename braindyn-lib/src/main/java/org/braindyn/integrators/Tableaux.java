package org.braindyn.integrators;

/** The coefficients of the built-in explicit Runge–Kutta methods (standard published values). */
final class Tableaux {
    private Tableaux() {}

    private static double[][] a(double[]... rows) { return rows; }

    static final ButcherTableau EULER = ButcherTableau.explicit("euler", 1, a(new double[0]), new double[] {1});
    static final ButcherTableau MIDPOINT = ButcherTableau.explicit("midpoint", 2, a(new double[0], new double[] {0.5}), new double[] {0, 1});
    static final ButcherTableau HEUN2 = ButcherTableau.explicit("heun2", 2, a(new double[0], new double[] {1}), new double[] {0.5, 0.5});
    static final ButcherTableau RALSTON2 = ButcherTableau.explicit("ralston2", 2, a(new double[0], new double[] {2.0 / 3}), new double[] {0.25, 0.75});

    /** The generic second-order family with free parameter β ({@code c₂ = β}). */
    static ButcherTableau rk2(double beta) {
        return ButcherTableau.explicit("rk2", 2, a(new double[0], new double[] {beta}), new double[] {1 - 1 / (2 * beta), 1 / (2 * beta)});
    }

    static final ButcherTableau RK3 = ButcherTableau.explicit("rk3", 3,
            a(new double[0], new double[] {0.5}, new double[] {-1, 2}), new double[] {1.0 / 6, 2.0 / 3, 1.0 / 6});
    static final ButcherTableau HEUN3 = ButcherTableau.explicit("heun3", 3,
            a(new double[0], new double[] {1.0 / 3}, new double[] {0, 2.0 / 3}), new double[] {0.25, 0, 0.75});
    static final ButcherTableau RALSTON3 = ButcherTableau.explicit("ralston3", 3,
            a(new double[0], new double[] {0.5}, new double[] {0, 0.75}), new double[] {2.0 / 9, 1.0 / 3, 4.0 / 9});
    static final ButcherTableau SSPRK3 = ButcherTableau.explicit("ssprk3", 3,
            a(new double[0], new double[] {1}, new double[] {0.25, 0.25}), new double[] {1.0 / 6, 1.0 / 6, 2.0 / 3});
    static final ButcherTableau RK4 = ButcherTableau.explicit("rk4", 4,
            a(new double[0], new double[] {0.5}, new double[] {0, 0.5}, new double[] {0, 0, 1}), new double[] {1.0 / 6, 1.0 / 3, 1.0 / 3, 1.0 / 6});
    private static final double SQRT5 = Math.sqrt(5);
    /** Ralston's fourth-order method (minimum error bound), exact coefficients in √5 (Ralston 1962). */
    static final ButcherTableau RALSTON4 = ButcherTableau.explicit("ralston4", 4,
            a(new double[0], new double[] {0.4},
                    new double[] {(-2889 + 1428 * SQRT5) / 1024, (3785 - 1620 * SQRT5) / 1024},
                    new double[] {(-3365 + 2094 * SQRT5) / 6040, (-975 - 3046 * SQRT5) / 2552, (467040 + 203968 * SQRT5) / 240845}),
            new double[] {(263 + 24 * SQRT5) / 1812, (125 - 1000 * SQRT5) / 3828, (3426304 + 1661952 * SQRT5) / 5924787, (30 - 4 * SQRT5) / 123});
    static final ButcherTableau RK4_38 = ButcherTableau.explicit("rk4_38rule", 4,
            a(new double[0], new double[] {1.0 / 3}, new double[] {-1.0 / 3, 1}, new double[] {1, -1, 1}), new double[] {0.125, 0.375, 0.375, 0.125});

    static final ButcherTableau RKF12 = ButcherTableau.adaptive("rkf12", 1,
            a(new double[0], new double[] {0.5}, new double[] {1.0 / 256, 255.0 / 256}),
            new double[] {1.0 / 256, 255.0 / 256, 0}, 2, new double[] {1.0 / 512, 255.0 / 256, 1.0 / 512});
    static final ButcherTableau RKF45 = ButcherTableau.adaptive("rkf45", 4,
            a(new double[0], new double[] {0.25}, new double[] {3.0 / 32, 9.0 / 32}, new double[] {1932.0 / 2197, -7200.0 / 2197, 7296.0 / 2197},
              new double[] {439.0 / 216, -8, 3680.0 / 513, -845.0 / 4104}, new double[] {-8.0 / 27, 2, -3544.0 / 2565, 1859.0 / 4104, -11.0 / 40}),
            new double[] {25.0 / 216, 0, 1408.0 / 2565, 2197.0 / 4104, -0.2, 0}, 5,
            new double[] {16.0 / 135, 0, 6656.0 / 12825, 28561.0 / 56430, -9.0 / 50, 2.0 / 55});
    static final ButcherTableau RKDP = ButcherTableau.adaptive("rkdp", 5,
            a(new double[0], new double[] {0.2}, new double[] {3.0 / 40, 9.0 / 40}, new double[] {44.0 / 45, -56.0 / 15, 32.0 / 9},
              new double[] {19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729},
              new double[] {9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656},
              new double[] {35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84}),
            new double[] {35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84, 0}, 4,
            new double[] {5179.0 / 57600, 0, 7571.0 / 16695, 393.0 / 640, -92097.0 / 339200, 187.0 / 2100, 1.0 / 40});
    static final ButcherTableau CK = ButcherTableau.adaptive("ck", 5,
            a(new double[0], new double[] {0.2}, new double[] {3.0 / 40, 9.0 / 40}, new double[] {0.3, -0.9, 1.2},
              new double[] {-11.0 / 54, 2.5, -70.0 / 27, 35.0 / 27},
              new double[] {1631.0 / 55296, 175.0 / 512, 575.0 / 13824, 44275.0 / 110592, 253.0 / 4096}),
            new double[] {37.0 / 378, 0, 250.0 / 621, 125.0 / 594, 0, 512.0 / 1771}, 4,
            new double[] {2825.0 / 27648, 0, 18575.0 / 48384, 13525.0 / 55296, 277.0 / 14336, 0.25});
    static final ButcherTableau BS = ButcherTableau.adaptive("bs", 3,
            a(new double[0], new double[] {0.5}, new double[] {0, 0.75}, new double[] {2.0 / 9, 1.0 / 3, 4.0 / 9}),
            new double[] {2.0 / 9, 1.0 / 3, 4.0 / 9, 0}, 2, new double[] {7.0 / 24, 0.25, 1.0 / 3, 0.125});
    static final ButcherTableau HEUN_EULER = ButcherTableau.adaptive("heun_euler", 2,
            a(new double[0], new double[] {1}), new double[] {0.5, 0.5}, 1, new double[] {1, 0});
}
