// docs/experiments.md §1: spike time versus a parameter. A QIF neuron's output time (ordinary spike, or pseudospike
// past T) moves continuously as an input weight or an inhibitory input time varies, and spikes enter and leave the
// trial only through its end T; the LIF neuron's spike time jumps. Derivatives are the exact gradients.
def p = params(points: 10000)

def models = [
        [name: 'qif', model: qif(tau: 1), duration: 4.0, wMin: Math.PI * Math.PI / 4],
        [name: 'lif', model: lif(tau: 1, threshold: 1), duration: 3.0, wMin: 4.0]]

// one neuron with two input channels: an excitatory spike at 0.5 and a second spike whose time is a parameter
def build = { m ->
    network("concept_${m.name}") {
        trial duration: m.duration, spikeCap: 10
        input 'in', size: 2, spikes: [[0.5], [0.0]], trainableTimes: true
        population 'n', size: 1, model: m.model
        connect 'in', 'n', weights: 0
        readout 'n'
        loss custom('time') { double[][] times, double[][] grad -> grad[0][0] = 1; times[0][0] }
    }
}

/** Output time (NaN where the LIF neuron is silent) and its exact derivative along a sweep. */
def sweep = { net, m, List<Double> values, Closure set, String gradient, int index ->
    def times = new double[values.size()]
    def slopes = new double[values.size()]
    values.eachWithIndex { v, k ->
        set(v)
        def r = net.simulate()
        boolean spikes = r.record().spikeCount(0) > 0
        if (m.name == 'lif' && !spikes) {
            times[k] = Double.NaN
            slopes[k] = Double.NaN
        } else {
            times[k] = r.outputTimes()[0][0]
            slopes[k] = net.lossAndGradient([net.input(0)], null, 1).gradient()[gradient][index]
        }
    }
    [times: times, slopes: slopes]
}

/** Largest change between neighbouring grid points that both spike inside the trial, and where spikes appear. */
def analyse = { double[] t, double duration ->
    double jump = 0
    def boundaries = []
    for (int k = 1; k < t.length; k++) {
        boolean a = !Double.isNaN(t[k - 1]) && t[k - 1] <= duration
        boolean b = !Double.isNaN(t[k]) && t[k] <= duration
        if (a && b) {
            jump = Math.max(jump, Math.abs(t[k] - t[k - 1]))
        }
        if (a != b) {
            boundaries << (a ? t[k - 1] : t[k])
        }
    }
    [jump: jump, boundaries: boundaries, throughT: boundaries.every { Math.abs(it - duration) <= 0.01 * duration }]
}

def results = []
def plotsTime = [:], plotsSlope = [:], plotsTimeInh = [:], plotsSlopeInh = [:]
def xWeight = (0..<p.points).collect { 2.0 * it / (p.points - 1) } as double[]
def xTime = (0..<p.points).collect { it / (p.points - 1) } as double[]
models.each { m ->
    def net = build(m)
    // sweep 1: weight of one input spike at t = 0.5 over [0, 2 w_min]
    def weights = xWeight.collect { it * m.wMin }
    def s1 = sweep(net, m, weights, { w -> net.setParameter('in->n.weight', [w, 0.0] as double[]) },
            'in->n.weight', 0)
    // sweep 2: excitation 1.5 w_min at 0.5, inhibition -w_min at a time swept over [0, T]
    net.setParameter('in->n.weight', [1.5 * m.wMin, -m.wMin] as double[])
    def inhTimes = xTime.collect { it * m.duration }
    def s2 = sweep(net, m, inhTimes, { t -> net.setParameter('in.time', [0.5, t] as double[]) }, 'in.time', 1)
    [[s1, 'input weight', weights], [s2, 'inhibition time', inhTimes]].each { s, parameter, grid ->
        def a = analyse(s.times, m.duration)
        double maxSlope = s.slopes.findAll { !Double.isNaN(it) }.collect { Math.abs(it) }.max() ?: 0
        results << [model: m.name, parameter: parameter, max_jump_inside_trial: a.jump,
                    leaves_through_T: a.throughT, boundaries: a.boundaries, max_abs_derivative: maxSlope,
                    grid_step: grid[1] - grid[0]]
        log String.format('%s, %s: largest jump inside the trial %.4g, spike appears/vanishes at %s (T = %s)',
                m.name, parameter, a.jump, a.boundaries.collect { String.format('%.4f', it) }, m.duration)
    }
    plotsTime[m.name.toUpperCase()] = s1.times
    plotsSlope[m.name.toUpperCase()] = s1.slopes
    plotsTimeInh[m.name.toUpperCase()] = s2.times.collect { it / m.duration } as double[]
    plotsSlopeInh[m.name.toUpperCase()] = s2.slopes
}

def sweep1 = 'untrained neuron, input spike at t = 0.5'
def sweep2 = 'untrained neuron, excitation at t = 0.5'
Plots.curves(xWeight, plotsTime, 'input weight / w_min', 'output spike time [τ]', false,
        "Output spike time vs input weight ($sweep1)", out.resolve('time_vs_weight.png'))
Plots.curves(xWeight, plotsSlope, 'input weight / w_min', 'd t_out / d w', false,
        "Exact derivative d t_out / d w ($sweep1)", out.resolve('slope_vs_weight.png'))
Plots.curves(xTime, plotsTimeInh, 'inhibition time / T', 'output spike time / T', false,
        "Output spike time vs inhibition time ($sweep2)", out.resolve('time_vs_inhibition.png'))
Plots.curves(xTime, plotsSlopeInh, 'inhibition time / T', 'd t_out / d t_inh', false,
        "Exact derivative d t_out / d t_inh ($sweep2)", out.resolve('slope_vs_inhibition.png'))
write 'metrics.json', groovy.json.JsonOutput.prettyPrint(groovy.json.JsonOutput.toJson([sweeps: results,
        settings: [points: p.points, qif: [tau: 1, T: 4], lif: [tau: 1, threshold: 1, T: 3]]])) + '\n'
