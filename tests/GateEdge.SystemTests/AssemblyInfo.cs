// The system tests run real processes on a 2-core machine; one scenario at a time keeps their timing honest.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
