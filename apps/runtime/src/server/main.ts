console.log('Lattice runtime: not yet wired');
