// A tiny training for the sweep tests: four QIF neurons, one of which learns a target spike train.
// -PdieAfterCheckpoint=FILE: the first run to create FILE stops the JVM it runs in after its first checkpoint
// (an executor dying mid-run); the runs after that train normally.
def p = params(seed: 1, trials: 40, neurons: 4, stopAfter: 0, dieAfterCheckpoint: '')
def target = PoissonTrains.train(1.0, 5.0, 1.0, p.seed * 100) as List
def net = network('tiny') {
    trial duration: 5.0, spikeCap: 200
    input 'exc', size: p.neurons, poisson: [rate: 1, seed: p.seed]
    population 'rnn', size: p.neurons, model: qif(tau: 1), V0: 0, I0: 0
    connect 'exc', 'rnn', connectivity: oneToOne(), weights: 5, trainable: false
    connect 'rnn', 'rnn', connectivity: allToAll(self: false), weights: 0
    readout 'rnn', neurons: [0], spikes: target.size() + 1
    loss spikeTrain([target])
}
if (p.dieAfterCheckpoint && new File(p.dieAfterCheckpoint).createNewFile()) {
    train(net, trials: p.trials, optimizer: 'adabelief', lr: 1e-2, evaluateEvery: 10, stopAfter: 1)
    Runtime.runtime.halt(1)
}
train(net, trials: p.trials, optimizer: 'adabelief', lr: 1e-2, evaluateEvery: 10, stopAfter: p.stopAfter)
