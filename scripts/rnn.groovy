// PAPER-NOTES 5.3: a recurrent network of 10 QIF neurons; neurons 0 and 1 learn Poisson target spike trains.
// Each neuron gets its own excitatory and inhibitory Poisson train (weights +5 and -5, rate 1 per tau).
// Trainable: recurrent weights (start 0, no self-connections) and initial states V0, I0 (start 0).
def p = params(seed: 1, neurons: 10)

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

def result = net.simulate()
write 'raster.txt', result.rasterSummary()
write 'targets.txt', targets.collect { it.join(' ') }.join('\n') + '\n'
log "rnn: ${result.record().spikeCount()} ordinary spikes; targets ${targets*.size()} spikes"
