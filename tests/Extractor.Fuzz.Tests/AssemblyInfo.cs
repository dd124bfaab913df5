// Cases measure the process's memory and time: they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
