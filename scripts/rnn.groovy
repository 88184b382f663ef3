// docs/experiments.md §3: a recurrent network of 10 QIF neurons; neurons 0 and 1 learn Poisson target spike trains.
// Each neuron gets its own excitatory and inhibitory Poisson train (weights +5 and -5, rate 1 per tau).
// Trainable: recurrent weights (start 0, no self-connections) and initial states V0, I0 (start 0).
def p = params(seed: 1, neurons: 10, trials: 10000, lr: 1e-2, decay: 2000, scan: false)

def duration = 10.0
def targets = [1.0, 0.5].withIndex().collect { rate, k ->
    PoissonTrains.train(rate, duration, 1.0, p.seed * 100 + k) as List
}

def net = network('rnn') {
    trial duration: duration, spikeCap: 500
    input 'exc', size: p.neurons, poisson: [rate: 1, seed: p.seed]
    input 'inh', size: p.neurons, poisson: [rate: 1, seed: p.seed + 1]
    population 'rnn', size: p.neurons, model: qif(tau: 1), V0: 0, I0: 0, trainInitial: true
    connect 'exc', 'rnn', connectivity: oneToOne(), weights: 5, trainable: false
    connect 'inh', 'rnn', connectivity: oneToOne(), weights: -5, trainable: false
    connect 'rnn', 'rnn', connectivity: allToAll(self: false), weights: 0
    readout 'rnn', neurons: [0, 1], spikes: targets*.size().max() + 1
    loss spikeTrain(targets)
}

def before = net.simulate()
write 'raster_before.txt', before.rasterSummary()
def targetArray = targets.collect { it as double[] } as double[][]
Plots.raster(before.record(), net.graph(), targetArray, [0, 1] as int[], 'Spike raster, trial 0, before training',
        out.resolve('raster_before.png'))
write 'targets.txt', targets.collect { it.join(' ') }.join('\n') + '\n'
log "rnn before training: ${before.record().spikeCount()} ordinary spikes; targets ${targets*.size()} spikes"

// AdaBelief, learning rate 1e-2 decaying by 1/e every 2000 trials; -Pscan=true uses the step-size scan variant
// (multipliers 10^[-5 .. 2], no output spike moved by more than 0.5, AdaBelief with b2 = 0.99)
def training = p.scan
        ? train(net, trials: p.trials, optimizer: 'adabelief', optimizerOptions: [b2: 0.99], lr: p.lr,
                scan: [points: 50, maxMove: 0.5], evaluateEvery: 100)
        : train(net, trials: p.trials, optimizer: 'adabelief', lr: p.lr, decaySteps: p.decay, evaluateEvery: 100)

def after = net.simulate()
write 'raster.txt', after.rasterSummary()
Plots.raster(after.record(), net.graph(), targetArray, [0, 1] as int[], 'Spike raster, trial 0, after training',
        out.resolve('raster_after.png'))
Plots.trainingCurves(training, [loss: training.lossCurve()], 'loss', true, 'Loss on trial 0 during training',
        out.resolve('loss.png'))
// spike times of neurons 0 and 1 over training
Plots.outputTimesOverTraining(training, 0, targetArray[0], duration, out.resolve('spike_times_neuron0.png'))
Plots.outputTimesOverTraining(training, 1, targetArray[1], duration, out.resolve('spike_times_neuron1.png'))
write 'summary.txt', String.format('final_loss_relative %.6g%nlargest_output_move_per_step %.6g%n',
        training.finalLoss() / training.initialLoss(), training.finalMetrics().largest_output_move_per_step)
log String.format('rnn after training: loss %.4g, %.3g%% of the initial %.4g', training.finalLoss(),
        100 * training.finalLoss() / training.initialLoss(), training.initialLoss())
