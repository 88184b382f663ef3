// docs/experiments.md §8: output time versus a synaptic delay, across the point where the delayed arrival crosses the
// trial end T. A neuron 'h' fires once early in the trial; its spike reaches the read-out neuron 'out' after the delay
// d of the projection h -> out. As d grows, out's spike moves later, leaves the trial through T (an ordinary spike
// becomes a pseudospike), and then the arrival itself crosses T at d* = T − t_h; an arrival after T acts at T, so
// from there on the output time stays where it was. The script sweeps d over [d* − before, d* + after] on a fine grid
// for a QIF and a theta read-out, records the output time (ordinary spike or pseudospike) and its exact derivative
// with respect to d, and checks that the output moves continuously: between neighbouring grid points it moves by no
// more than the grid step times the largest |derivative| at those two points (times 1 + slack, for the curvature
// between them). Writes delay_sweep.csv, time_vs_delay.png, slope_vs_delay.png and metrics.json.
def p = params(points: 4001, before: 2.5, after: 1.0, slack: 0.05)

def models = [
        [name: 'qif', model: qif(tau: 1), duration: 4.0, wIn: 8.0, wOut: 4.0, initial: [:]],
        [name: 'theta', model: theta(tau: 6 / Math.PI, drive: 1.25), duration: 4.0, wIn: 3.0, wOut: 1.0,
         initial: [phase0: 1.0]]]

// one input spike at 0.2 fires 'h'; h -> out carries the swept delay
def build = { m ->
    network("delay_sweep_${m.name}") {
        trial duration: m.duration, spikeCap: 10
        input 'in', size: 1, spikes: [[0.2]]
        population([size: 1, model: m.model] + m.initial, 'h')
        population([size: 1, model: m.model] + m.initial, 'out')
        connect 'in', 'h', weights: m.wIn
        connect 'h', 'out', weights: m.wOut, delays: 0.0, trainDelays: true
        readout 'out'
        loss custom('time') { double[][] times, double[][] grad -> grad[0][0] = 1; times[0][0] }
    }
}

def rows = ['model,delay,arrival,output_time,d_output_time_d_delay']
def results = []
def plotsTime = [:], plotsSlope = [:]
double[] x = null
models.each { m ->
    def net = build(m)
    def first = net.simulate().record()
    int h = 0   // the neuron index of 'h' (populations are numbered in declaration order)
    if (first.spikeCount(h) == 0) {
        throw new IllegalStateException("delay_sweep: neuron h of the ${m.name} network does not fire; raise wIn")
    }
    double th = first.spikeTime(h, 0)
    double crossing = m.duration - th
    if (crossing < p.before) {
        throw new IllegalArgumentException("delay_sweep: the ${m.name} arrival crosses T at d* = ${crossing}; give "
                + "-Pbefore=${crossing} or less (delays are >= 0)")
    }
    double from = crossing - p.before
    double step = (crossing + p.after - from) / (p.points - 1)
    def times = new double[p.points]
    def slopes = new double[p.points]
    for (int k = 0; k < p.points; k++) {
        double d = from + k * step
        net.setParameter('h->out.delay', [d] as double[])
        times[k] = net.simulate().outputTimes()[0][0]
        slopes[k] = net.lossAndGradient([net.input(0)], null, 1).gradient()['h->out.delay'][0]
        rows << String.format(Locale.ROOT, '%s,%.17g,%.17g,%.17g,%.17g', m.name, d, th + d, times[k], slopes[k])
    }
    // the largest move between neighbours, and the largest ratio of a move to what the derivatives there explain
    double jump = 0, worst = 0, maxSlope = 0
    int at = 0
    for (int k = 1; k < p.points; k++) {
        double move = Math.abs(times[k] - times[k - 1])
        double explained = step * Math.max(Math.abs(slopes[k]), Math.abs(slopes[k - 1]))
        jump = Math.max(jump, move)
        maxSlope = Math.max(maxSlope, Math.abs(slopes[k]))
        double ratio = move / Math.max(explained, Double.MIN_NORMAL)
        if (move > 0 && ratio > worst) {
            worst = ratio
            at = k
        }
    }
    boolean continuous = worst <= 1 + p.slack
    results << [model: m.name, h_spike: th, crossing_delay: crossing, grid_step: step, max_jump: jump,
                max_abs_derivative: maxSlope, derivative_bound: step * maxSlope,
                worst_move_over_explained: worst, worst_at_delay: from + at * step, continuous: continuous,
                output_at_crossing: times[(int) Math.round((crossing - from) / step)]]
    log String.format(Locale.ROOT, '%s: arrival crosses T = %s at d* = %.4f; largest jump between neighbours %.3g, '
            + 'grid step x largest |dt/dd| = %.3g; worst move / (step x local |dt/dd|) = %.3f at d = %.4f: %s',
            m.name, m.duration, crossing, jump, step * maxSlope, worst, from + at * step,
            continuous ? 'continuous' : 'JUMP')
    // plotted against the arrival time relative to T: 0 is where the arrival crosses T
    x = (0..<p.points).collect { from + it * step - crossing } as double[]
    plotsTime[m.name.toUpperCase()] = times.collect { it - m.duration } as double[]
    plotsSlope[m.name.toUpperCase()] = slopes
}

write 'delay_sweep.csv', rows.join('\n') + '\n'
Plots.curves(x, plotsTime, 'arrival time − T', 'output time − T', false,
        'Read-out output time vs the delay of its input (arrival crosses T at 0)', out.resolve('time_vs_delay.png'))
Plots.curves(x, plotsSlope, 'arrival time − T', 'd t_out / d delay', false,
        'Exact derivative of the output time with respect to the delay', out.resolve('slope_vs_delay.png'))
write 'metrics.json', groovy.json.JsonOutput.prettyPrint(groovy.json.JsonOutput.toJson([sweeps: results,
        settings: [points: p.points, before: p.before, after: p.after, slack: p.slack]])) + '\n'
if (!results.every { it.continuous }) {
    throw new IllegalStateException('delay_sweep: the output time jumps (see metrics.json)')
}
