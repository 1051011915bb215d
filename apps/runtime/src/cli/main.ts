console.log('lattice CLI');
