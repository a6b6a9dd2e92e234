using BenchmarkDotNet.Attributes;
using Kolek.Benchmarks.Data;
using Kolek.Reconciliation.Readers;
using Kolek.Reconciliation.Statements;

namespace Kolek.Benchmarks.Readers;

/// <summary>Parse throughput of <see cref="StatementReader.Read"/> and <see cref="StatementReader.ReadStream"/> on generated
/// files of 50 000 transactions (OFX about 8 MB, CNAB 400 20.1 MB, CNAB 240 24.2 MB), with the CNAB baselines: a plain
/// read-split-slice of the amount field, and a memory scan counting line feeds. MB/s = file size / Mean.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class ReaderBenchmarks
{
    public const int Transactions = 50_000;

    private byte[] _ofx = [];
    private byte[] _cnab400 = [];
    private byte[] _cnab240 = [];

    [GlobalSetup]
    public void Setup()
    {
        _ofx = StatementFiles.Ofx(Transactions);
        _cnab400 = StatementFiles.Cnab400Bradesco(Transactions);
        _cnab240 = StatementFiles.Cnab240(Transactions);
    }

    [Benchmark]
    public int OfxStream50k() => Count(StatementReader.ReadStream("bench.ofx", new MemoryStream(_ofx)));

    [Benchmark]
    public int Cnab240Stream50k() => Count(StatementReader.ReadStream("bench.ret", new MemoryStream(_cnab240)));

    [Benchmark]
    public int Cnab240StreamWithoutSha256() => Count(StatementReader.ReadStream("bench.ret", new MemoryStream(_cnab240), new StreamReadOptions { ComputeSha256 = false }));

    [Benchmark]
    public int OfxStreamWithoutSha256() => Count(StatementReader.ReadStream("bench.ofx", new MemoryStream(_ofx), new StreamReadOptions { ComputeSha256 = false }));

    [Benchmark]
    public long Cnab240ReadSplitSlice()
    {
        var total = 0L;
        using var reader = new StreamReader(new MemoryStream(_cnab240), System.Text.Encoding.Latin1);
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
#pragma warning disable CA1846 // The baseline is the plain way on purpose: a string per line and per field.
            if (line.Length >= 92 && long.TryParse(line.Substring(77, 15), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var cents))
#pragma warning restore CA1846
            {
                total += cents;
            }
        }

        return total;
    }

    [Benchmark]
    public int Cnab240MemoryScan() => _cnab240.AsSpan().Count((byte)'\n');

    private static int Count(StreamedStatement statement) => statement.Transactions.Count();

    [Benchmark]
    public BankStatement Ofx50k() => StatementReader.Read("bench.ofx", _ofx);

    [Benchmark]
    public BankStatement Cnab400Bradesco50k() => StatementReader.Read("bench.ret", _cnab400);
}
