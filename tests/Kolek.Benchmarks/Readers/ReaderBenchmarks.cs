using BenchmarkDotNet.Attributes;
using Kolek.Benchmarks.Data;
using Kolek.Reconciliation.Readers;
using Kolek.Reconciliation.Statements;

namespace Kolek.Benchmarks.Readers;

/// <summary>Parse throughput of <see cref="StatementReader.Read"/> on generated files of 50 000 transactions.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class ReaderBenchmarks
{
    public const int Transactions = 50_000;

    private byte[] _ofx = [];
    private byte[] _cnab400 = [];

    [GlobalSetup]
    public void Setup()
    {
        _ofx = StatementFiles.Ofx(Transactions);
        _cnab400 = StatementFiles.Cnab400Bradesco(Transactions);
    }

    [Benchmark]
    public BankStatement Ofx50k() => StatementReader.Read("bench.ofx", _ofx);

    [Benchmark]
    public BankStatement Cnab400Bradesco50k() => StatementReader.Read("bench.ret", _cnab400);
}
