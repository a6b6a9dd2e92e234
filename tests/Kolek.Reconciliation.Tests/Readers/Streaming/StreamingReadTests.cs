using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kolek.Reconciliation.Readers;
using Kolek.Reconciliation.Statements;
using Kolek.Reconciliation.Tests.Corpus;
using Kolek.Reconciliation.Tests.Readers.Fuzz;

namespace Kolek.Reconciliation.Tests.Readers.Streaming;

/// <summary>
/// <see cref="StatementReader.ReadStream"/> gives what <see cref="StatementReader.Read"/> gives on the same bytes: the same
/// format, hash, account, transactions (ids included) and diagnostics, whatever sizes the stream hands its bytes in.
/// </summary>
public class StreamingReadTests
{
    public static IEnumerable<object[]> CorpusFiles() =>
        CorpusMutations.Files.Select(f => new object[] { f.Folder, f.Name });

    [CorpusTheory]
    [MemberData(nameof(CorpusFiles))]
    public void ReadStream_EveryCorpusFile_EqualsWholeFileRead(string folder, string name)
    {
        var bytes = CorpusMutations.Original(folder, name);
        AssertSame(StatementReader.Read(name, bytes), StatementReader.ReadStream(name, new MemoryStream(bytes)).ToStatement());
        AssertSame(StatementReader.Read(name, bytes), ReadTrickled(name, bytes, chunk: 7, sniff: 64));
        AssertSame(StatementReader.Read(name, bytes), ReadTrickled(name, bytes, chunk: 1, sniff: 512));
        AssertSame(StatementReader.Read(name, bytes), ReadTrickled(name, bytes, chunk: 5, sniff: bytes.Length + 1, seekable: false));
    }

    [CorpusProperty(Arbitrary = [typeof(ByteEditArbitraries)], MaxTest = 200)]
    public bool ReadStream_DamagedCorpusFile_EqualsWholeFileRead(CorpusMutation mutation) =>
        SameAsWhole(mutation.Name, mutation.Apply(), 3, 200);

    [CorpusProperty(Arbitrary = [typeof(TruncationArbitraries)], MaxTest = 200)]
    public bool ReadStream_TruncatedCorpusFile_EqualsWholeFileRead(CorpusMutation mutation) =>
        SameAsWhole(mutation.Name, mutation.Apply(), 5, 128);

    [Property(MaxTest = 60)]
    public Property ReadStream_GeneratedFiles_EqualWholeFileRead() =>
        Prop.ForAll(
            Gen.Elements(StatementFormat.Cnab240, StatementFormat.Cnab400, StatementFormat.Ofx, StatementFormat.Camt053, StatementFormat.Pix).SelectMany(format =>
                from count in Gen.Choose(format == StatementFormat.Pix ? 1 : 0, 40)
                from seed in Gen.Choose(0, 1000)
                from chunk in Gen.Choose(1, 300)
                from crlf in Gen.Elements(true, false)
                select (format, count, seed, chunk, crlf)).ToArbitrary(),
            c =>
            {
                var bytes = StatementGenerator.Generate(c.format, c.count, c.seed, c.crlf);
                var whole = StatementReader.Read("gerado", bytes);
                return SameAsWhole("gerado", bytes, c.chunk, 256)
                    && whole.Format == c.format
                    && whole.Transactions.Count == StatementGenerator.Transactions(c.format, c.count)
                    && !whole.HasErrors;
            });

    [Theory]
    [InlineData(StatementFormat.Camt053, 12_000)]
    [InlineData(StatementFormat.Pix, 5_000)]
    public void ReadStream_LargeGeneratedCamtAndPix_EqualsWholeFileRead(StatementFormat format, int count)
    {
        // Several camt statements (5,000 entries each) and PIX arrays longer than the 64 KiB buffer, at odd read sizes.
        var bytes = StatementGenerator.Generate(format, count, seed: 3, crlf: false);
        var whole = StatementReader.Read("gerado", bytes);
        Assert.Equal(StatementGenerator.Transactions(format, count), whole.Transactions.Count);
        Assert.False(whole.HasErrors);
        AssertSame(whole, ReadTrickled("gerado", bytes, chunk: 4093, sniff: 1000));
        AssertSame(whole, ReadTrickled("gerado", bytes, chunk: 65_537, sniff: 4096, seekable: false));
    }

    [Fact]
    public void ReadStream_CamtEntryOverTheElementLimit_IsRefusedWithoutReadingIt()
    {
        var text = new string('x', 17 * 1024 * 1024);
        var xml = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt><Stmt>\n<Ntry><Amt Ccy=\"BRL\">1.00</Amt>"
            + "<CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2025-01-02</Dt></BookgDt><AddtlNtryInf>" + text
            + "</AddtlNtryInf></Ntry></Stmt></BkToCstmrStmt></Document>";
        var statement = StatementReader.ReadStream("grande.xml", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml))).ToStatement();
        Assert.Empty(statement.Transactions);
        var diagnostic = Assert.Single(statement.Diagnostics);
        Assert.Equal(("camt.xml.too-large", "Ntry", 2), (diagnostic.Code, diagnostic.Field, diagnostic.Line));
    }

    [Fact]
    public void Transactions_EnumeratedTwice_Throws()
    {
        var bytes = StatementGenerator.Generate(StatementFormat.Cnab240, 3, 1, crlf: true);
        var stream = StatementReader.ReadStream("x.ret", new MemoryStream(bytes));
        Assert.Equal(3, stream.Transactions.Count());
        Assert.True(stream.IsComplete);
        Assert.Throws<InvalidOperationException>(() => stream.Transactions.Count());
    }

    [Fact]
    public void Sha256_BeforeTheEnd_Throws()
    {
        var bytes = StatementGenerator.Generate(StatementFormat.Cnab400, 3, 1, crlf: true);
        var stream = StatementReader.ReadStream("x.ret", new MemoryStream(bytes));
        Assert.Throws<InvalidOperationException>(() => stream.Sha256);
        Assert.False(stream.IsComplete);
    }

    [Theory]
    [InlineData(StatementFormat.Cnab240)]
    [InlineData(StatementFormat.Cnab400)]
    [InlineData(StatementFormat.Ofx)]
    [InlineData(StatementFormat.Camt053)]
    public void ReadStream_WithoutSha256_SameTransactionsAndDiagnostics_HashRefused(StatementFormat format)
    {
        var bytes = StatementGenerator.Generate(format, 40, 2, crlf: true);
        var hashed = StatementReader.ReadStream("x", new MemoryStream(bytes)).ToStatement();
        var stream = StatementReader.ReadStream("x", new MemoryStream(bytes), new StreamReadOptions { ComputeSha256 = false });

        Assert.Equal(hashed.Transactions, stream.Transactions.ToList());
        Assert.True(stream.IsComplete);
        Assert.Equal(hashed.Diagnostics, stream.Diagnostics);
        Assert.Equal(hashed.Account, stream.Account);
        var refused = Assert.Throws<InvalidOperationException>(() => stream.Sha256);
        Assert.Contains("ComputeSha256", refused.Message, StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), hashed.Sha256);
    }

    [Fact]
    public void ReadStream_GivenFormat_ReadsAsThatFormat()
    {
        var bytes = StatementGenerator.Generate(StatementFormat.Cnab240, 3, 1, crlf: true);
        var stream = StatementReader.ReadStream("x.ret", new MemoryStream(bytes), new StreamReadOptions { Format = StatementFormat.Cnab240 });
        Assert.Equal(3, stream.Transactions.Count());
        Assert.Equal(StatementFormat.Cnab240, stream.Format);
    }

    private static bool SameAsWhole(string name, byte[] bytes, int chunk, int sniff)
    {
        var whole = StatementReader.Read(name, bytes);
        AssertSame(whole, StatementReader.ReadStream(name, new MemoryStream(bytes)).ToStatement());
        AssertSame(whole, ReadTrickled(name, bytes, chunk, sniff));
        return true;
    }

    /// <summary>Reads through a stream that hands out <paramref name="chunk"/> bytes at a time after a look-ahead of
    /// <paramref name="sniff"/> bytes. A stream that cannot seek is only judged (OFX encoding and decimal convention) by
    /// its look-ahead, so it is compared with the whole-file read only when the look-ahead holds the whole file. The
    /// format is detected on the whole file: detection looks at up to 64 KiB, which the real 1 MiB look-ahead holds
    /// (checked by the <see cref="MemoryStream"/> reads), so a smaller look-ahead here would only test a shorter sniff.</summary>
    private static BankStatement ReadTrickled(string name, byte[] bytes, int chunk, int sniff, bool seekable = true)
    {
        var format = StatementReader.Detect(bytes);
        if (format == StatementFormat.Unknown)
        {
            sniff = bytes.Length + 1; // "unknown" must be detected, as Read does, from the whole (here: short) file
        }

        return StatementReader.ReadStream(name, new TrickleStream(bytes, chunk, seekable), format, sniff, chunk).ToStatement();
    }

    internal static void AssertSame(BankStatement expected, BankStatement actual)
    {
        Assert.Equal(expected.Format, actual.Format);
        Assert.Equal(expected.Sha256, actual.Sha256);
        Assert.Equal(expected.Account, actual.Account);
        Assert.Equal(expected.Transactions, actual.Transactions);
        Assert.Equal(expected.Diagnostics, actual.Diagnostics);
    }

    /// <summary>A stream that hands out at most <c>chunk</c> bytes per read, seekable or not.</summary>
    private sealed class TrickleStream(byte[] bytes, int chunk, bool seekable) : Stream
    {
        private int _at;

        public override bool CanRead => true;

        public override bool CanSeek => seekable;

        public override bool CanWrite => false;

        public override long Length => seekable ? bytes.Length : throw new NotSupportedException();

        public override long Position
        {
            get => seekable ? _at : throw new NotSupportedException();
            set => _at = seekable ? (int)value : throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, chunk), bytes.Length - _at);
            Array.Copy(bytes, _at, buffer, offset, n);
            _at += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
