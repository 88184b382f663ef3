// docs/experiments.md §2: a single QIF neuron learns to spike at 2.5 and 7.5.
// Inputs 'learned' (channels 1 and 2 of the paper) start with weight 0 at times 1 and 9 and are trainable in
// weight and time; the 20 'fixed' inputs have fixed random times in [0, T] and fixed weights ~ N(0, 1).
def p = params(seed: 5, trials: 3000, lr: 0.1, clip: 0.02)

def rng = new java.util.SplittableRandom(p.seed as long)
def fixedTimes = (0..<20).collect { [10 * rng.nextDouble()] }

def net = network('single_neuron') {
    trial duration: 10, spikeCap: 25
    input 'learned', size: 2, spikes: [[1.0], [9.0]], trainableTimes: true
    input 'fixed', size: 20, spikes: fixedTimes
    population 'neuron', size: 1, model: qif(tau: 1)
    connect 'learned', 'neuron', weights: 0
    connect 'fixed', 'neuron', weights: normal(std: 1, seed: p.seed + 1), trainable: false
    readout 'neuron', spikes: 2
    loss spikeTime([[2.5, 7.5]])
}

def targets = [[2.5, 7.5]] as double[][]
def before = net.simulate()
write 'raster_before.txt', before.rasterSummary()
Plots.raster(before.record(), net.graph(), targets, [0] as int[], 'Spike raster, trial 0, before training',
        out.resolve('raster_before.png'))
Plots.traces(net.trace(net.input(0), 2001), [0] as int[], 'Membrane potential, trial 0, before training',
        out.resolve('trace_before.png'))
log "single neuron before training: ${before.record().spikeCount()} ordinary spikes, " +
        "output times ${before.outputTimes()[0]}"

// docs/experiments.md §2: clip each gradient component to +-0.02, then plain gradient descent with learning rate 0.1
def training = train(net, trials: p.trials, optimizer: 'sgd', lr: p.lr, clip: p.clip, evaluateEvery: 30)

def after = net.simulate()
write 'raster.txt', after.rasterSummary()
Plots.raster(after.record(), net.graph(), targets, [0] as int[], 'Spike raster, trial 0, after training',
        out.resolve('raster_after.png'))
Plots.traces(net.trace(net.input(0), 2001), [0] as int[], 'Membrane potential, trial 0, after training',
        out.resolve('trace_after.png'))
Plots.outputTimesOverTraining(training, 0, targets[0], 10, out.resolve('output_times.png'))
Plots.trainingCurves(training, [loss: training.lossCurve()], 'loss', true, 'Loss on trial 0 during training',
        out.resolve('loss.png'))
write 'output_times.txt', after.outputTimes().collect { it.join(' ') }.join('\n') + '\n'
log "single neuron after training: output times ${after.outputTimes()[0]} (targets 2.5, 7.5)"
