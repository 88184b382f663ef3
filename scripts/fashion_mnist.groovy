// Fashion-MNIST (Xiao, Rasul & Vollgraf 2017: 28x28 grey-level images of clothing in 10 classes) with the protocol
// of mnist.groovy: 784 -> 100 -> 100 -> 10 theta neurons starting silent, 100 epochs of AdaBelief, the same network,
// optimizer and parameters, with three changes: 8 intensity levels as input spike times (-Pbins=8: a pixel x spikes
// if x >= 29, brighter earlier, from T ln(1/0.99) to T ln(1/0.92)) instead of one binarised level, no pixel flips
// (-Pflip=0: that augmentation binarises the images), and the loss term that pulls the correct output's spike early
// weighted 0.03 instead of 0.01 (-Pgamma=0.03: more test samples decided by ordinary spikes before T).
// -Pbins=1 -Pflip=0.02 -Pgamma=0.01 is mnist.groovy's protocol unchanged. './smoothspike data fashion-mnist' fetches
// the data; -Phidden=200 is wider.
include 'mnist.groovy', data: 'fashion-mnist', bins: 8, flip: 0, gamma: 0.03
