// A neuron model defined in this script: the current-based LIF neuron whose membrane time constant is twice the
// synaptic one (tauMem = 2 tauSyn), as in time-to-first-spike learning. With V measured from rest (= reset) and
// x = exp(-t/tauMem):
//     V(t) = (V + I) x - I x^2,   I(t) = I x^2,   an input of weight w adds w to I,   V = threshold: spike, V = 0.
// V is a quadratic in x, so the spike time is the larger root of I x^2 - (V + I) x + threshold = 0.
// Past T a silent neuron is held at the constant drive D = threshold + softplus(I(T) + u) and fires every
// tauMem ln(D/(D - threshold)) (its pseudodynamics), so training can start from silence.
// Check its gradients with: ./smoothspike gradcheck scripts/custom_neuron.groovy
import groovy.transform.CompileStatic

def p = params(seed: 3, trials: 300, lr: 0.05)

@CompileStatic
class CubaLif implements NeuronModel {
    static final NeuronModelType TYPE = new NeuronModelType('cuba-lif',
            [ModelConstant.positive('tauSyn').withDefault(1), ModelConstant.positive('threshold').withDefault(1)],
            UserCoordinates.VOLTAGE_AND_CURRENT, { double[] c -> new CubaLif(c[0], c[1]) })
    final double tauSyn, threshold

    CubaLif(double tauSyn, double threshold) {
        if (!(tauSyn > 0 && threshold > 0)) {
            throw new IllegalArgumentException("cuba-lif: tauSyn and threshold must be > 0, got $tauSyn, $threshold")
        }
        this.tauSyn = tauSyn
        this.threshold = threshold
    }

    String id() { 'cuba-lif' }
    String[] stateNames() { ['V', 'I'] as String[] }
    double[] stateFromVoltage(double v, double i) { [v, i] as double[] }
    PopulationKernel newKernel(int n) { new CubaLifKernel(n, 2 * tauSyn, threshold) }
    int currentIndex() { 1 }
    String[] constantNames() { ['tauSyn', 'threshold'] as String[] }
    double[] constants() { [tauSyn, threshold] as double[] }
    NeuronModel withConstants(double[] c) { new CubaLif(c[0], c[1]) }

    /** Pseudo phase and period under the drive D, with their derivatives (by the chain rule through D). */
    void pseudo(double[] state, int off, double u, double alpha, PseudoState out) {
        double tauMem = 2 * tauSyn, v = state[off], z = (state[off + 1] + u) / alpha
        double softplus = alpha * (Math.max(z, 0d) + Math.log1p(Math.exp(-Math.abs(z))))
        double sigmoid = 1 / (1 + Math.exp(-z)), drive = threshold + softplus
        out.period = tauMem * Math.log1p(threshold / softplus)
        out.phase = -tauMem * Math.log1p(-v / drive)
        double dPeriodDDrive = -tauMem * threshold / (drive * softplus)
        double dPhaseDDrive = -tauMem * v / (drive * (drive - v))
        out.dPhaseDState[0] = tauMem / (drive - v)
        out.dPhaseDState[1] = out.dPhaseDInput = dPhaseDDrive * sigmoid
        out.dPeriodDState[0] = 0
        out.dPeriodDState[1] = out.dPeriodDInput = dPeriodDDrive * sigmoid
        out.dPhaseDConstant[0] = out.phase / tauSyn
        out.dPhaseDConstant[1] = dPhaseDDrive
        out.dPeriodDConstant[0] = out.period / tauSyn
        out.dPeriodDConstant[1] = dPeriodDDrive + tauMem / softplus
    }
}

/** A population of cuba-lif neurons: state (V, I), constants (tauSyn, threshold), spike condition V - threshold. */
@CompileStatic
class CubaLifKernel extends LazyKernel {
    final double tauMem, threshold
    final double[] v, cur

    CubaLifKernel(int n, double tauMem, double threshold) {
        super(n, 2, 2, 2)
        this.tauMem = tauMem
        this.threshold = threshold
        v = new double[n + 1]
        cur = new double[n + 1]
    }

    protected void flow(int s, double dt) {
        double x = Math.exp(-dt / tauMem)
        v[s] = v[s] * x + cur[s] * x * -Math.expm1(-dt / tauMem)
        cur[s] = cur[s] * x * x
    }

    protected void jump(int s, double w) { cur[s] += w }

    protected double timeToSpike(int s) {
        double b = v[s] + cur[s], disc = b * b - 4 * cur[s] * threshold
        if (v[s] >= threshold) return 0
        if (!(cur[s] > 0 && b > 0 && b < 2 * cur[s] && disc >= 0)) return Double.POSITIVE_INFINITY
        double x = (b + Math.sqrt(disc)) / (2 * cur[s])
        return x >= 1 ? 0 : -tauMem * Math.log(x)
    }

    protected void pinAtSpike(int s) { v[s] = threshold }
    protected void reset(int s) { v[s] = 0 }
    protected void load(int s, double[] state, int off) { v[s] = state[off]; cur[s] = state[off + 1] }
    protected void store(int s, double[] out, int off) { out[off] = v[s]; out[off + 1] = cur[s] }
    protected double voltage(int s) { v[s] }
    protected void copy(int from, int to) { v[to] = v[from]; cur[to] = cur[from] }

    protected void flowDerivatives(double[] x, int xo, double dt, double[] end, double[] jac, double[] dConst,
            double[] fEnd) {
        double e = Math.exp(-dt / tauMem), om = -Math.expm1(-dt / tauMem)
        end[0] = x[xo] * e + x[xo + 1] * e * om
        end[1] = x[xo + 1] * e * e
        jac[0] = e; jac[1] = e * om; jac[2] = 0; jac[3] = e * e
        fEnd[0] = (end[1] - end[0]) / tauMem
        fEnd[1] = -2 * end[1] / tauMem
        // time enters only as dt/tauSyn: dF/dtauSyn = -(dt/tauSyn) f(F); the threshold does not enter the flow
        double scale = -2 * dt / tauMem
        dConst[0] = scale * fEnd[0]; dConst[1] = 0; dConst[2] = scale * fEnd[1]; dConst[3] = 0
    }

    protected void jumpDerivatives(double[] x, int xo, double w, double[] xPlus, double[] jac, double[] dw,
            double[] dConst) {
        xPlus[0] = x[xo]; xPlus[1] = x[xo + 1] + w
        jac[0] = 1; jac[1] = 0; jac[2] = 0; jac[3] = 1
        dw[0] = 0; dw[1] = 1
        Arrays.fill(dConst, 0d)
    }

    protected void resetDerivatives(double[] x, int xo, double[] xPlus, double[] jac) {
        xPlus[0] = 0; xPlus[1] = x[xo + 1]
        jac[0] = 0; jac[1] = 0; jac[2] = 0; jac[3] = 1
    }

    protected void thresholdGradient(double[] gx, double[] gConst) {
        gx[0] = 1; gx[1] = 0; gConst[0] = 0; gConst[1] = -1
    }
}

register(CubaLif.TYPE)

// 4 inputs -> 6 hidden -> 1 read-out neuron, which should fire at 2.0 and 3.0; it starts silent.
def net = network('custom_neuron') {
    trial duration: 4, spikeCap: 30
    input 'in', size: 4, spikes: [[0.2], [0.5], [0.9], [1.4]]
    population 'hidden', size: 6, model: model('cuba-lif', tauSyn: 1, threshold: 1)
    population 'out', size: 1, model: model('cuba-lif', tauSyn: 1), trainConstants: ['threshold']
    connect 'in', 'hidden', weights: uniform(low: 0.5, high: 2.0, seed: p.seed)
    connect 'hidden', 'out', weights: uniform(low: 0, high: 0.3, seed: p.seed + 1)
    readout 'out', spikes: 2
    loss spikeTime([[2.0, 3.0]])
}

def before = net.simulate()
log "custom neuron before training: output times ${before.outputTimes()[0]} (past T = 4: pseudospikes)"
def training = train(net, trials: p.trials, lr: p.lr, evaluateEvery: 50)
def after = net.simulate()
write 'output_times.txt', after.outputTimes()[0].join(' ') + '\n'
log "custom neuron after training: output times ${after.outputTimes()[0]} (targets 2.0, 3.0), loss $training"
