using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(GateEdge.Benchmarks.CodecBenchmarks).Assembly).Run(args);
