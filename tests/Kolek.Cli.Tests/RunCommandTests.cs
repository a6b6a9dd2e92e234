using System.Text.Json;

namespace Kolek.Cli.Tests;

/// <summary><c>kolek run</c> end to end: the bundled ruler and export at a fixed instant, against a fresh database and outbox.</summary>
public sealed class RunCommandTests
{
    private const string At = "2026-11-23T16:00:00Z";

    private static string[] Args(string folder, params string[] more) =>
    [
        "run", "--charges", Kolek.DataFile("charges.csv"), "--customers", Kolek.DataFile("customers.csv"), "--at", At,
        "--db", Path.Combine(folder, "kolek.db"), "--outbox", Path.Combine(folder, "outbox"), "--json", .. more,
    ];

    [Fact]
    public void Run_AtAFixedInstant_SendsAndTheSameCommandAgainSendsNothing()
    {
        var folder = Scratch.Folder();
        var args = Args(folder, "--ruler", Kolek.DataFile("ruler.json"));

        var first = Kolek.Run(folder, args);
        var files = OutboxFiles(folder);
        var second = Kolek.Run(folder, args);

        Assert.True(first.ExitCode == 0, first.Stdout + first.Stderr);
        var sent = first.Json().GetProperty("sent").EnumerateArray().ToList();
        Assert.NotEmpty(sent);
        Assert.All(sent, s =>
        {
            Assert.False(string.IsNullOrEmpty(s.GetProperty("messageId").GetString()));
            Assert.NotEmpty(s.GetProperty("chargeIds").EnumerateArray());
            Assert.False(string.IsNullOrEmpty(s.GetProperty("recipient").GetString()));
        });
        Assert.Contains(sent, s => s.GetProperty("channel").GetString() == "email");
        Assert.Equal(sent.Count, files.Length);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(0, second.Json().GetProperty("sent").GetArrayLength());
        Assert.Equal(0, second.Json().GetProperty("failed").GetArrayLength());
        Assert.Equal(files, OutboxFiles(folder));
    }

    /// <summary>CLI.md: malformed content is never exit 2. A bad row of the export is left out (and named); the other charges
    /// are collected as if it were not there, and the run exits 3.</summary>
    [Fact]
    public void Run_ExportWithABadRow_SendsTheOthersExactlyAsWithoutItAndExitsThree()
    {
        var folder = Scratch.Folder();
        var lines = File.ReadAllLines(Kolek.DataFile("charges.csv"));
        var charges = Path.Combine(folder, "charges.csv");
        File.WriteAllLines(charges, [.. lines.Take(2), "NF-BAD,CLI-002,12;50,2026-10-08,2026-10-28,open,0.00,,,,,", .. lines.Skip(2)]);
        string[] Args(string name, string file) =>
        [
            "run", "--ruler", Kolek.DataFile("ruler.json"), "--charges", file, "--customers", Kolek.DataFile("customers.csv"),
            "--at", At, "--db", Path.Combine(folder, name + ".db"), "--outbox", Path.Combine(folder, name), "--json",
        ];

        var withBadRow = Kolek.Run(folder, Args("bad", charges));
        var clean = Kolek.Run(folder, Args("clean", Kolek.DataFile("charges.csv")));

        Assert.Equal(3, withBadRow.ExitCode);
        var error = Assert.Single(withBadRow.Json().GetProperty("inputErrors").EnumerateArray().ToList());
        Assert.EndsWith("charges.csv:3 [amount]", error.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, clean.ExitCode);
        static string Sent(KolekResult r) => string.Join("\n", r.Json().GetProperty("sent").EnumerateArray()
            .Select(s => $"{s.GetProperty("stepId")}|{s.GetProperty("channel")}|{string.Join(",", s.GetProperty("chargeIds").EnumerateArray())}"));
        Assert.NotEmpty(Sent(clean));
        Assert.Equal(Sent(clean), Sent(withBadRow));
    }

    [Fact]
    public void Run_Email_IsAnEmlWithTheCreditorFromTheOptions()
    {
        var folder = Scratch.Folder();

        var result = Kolek.Run(folder, Args(folder, "--ruler", Kolek.DataFile("ruler.json"),
            "--creditor-name", "Padaria Estrela Ltda", "--creditor-cnpj", "11.222.333/0001-81"));

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        var eml = File.ReadAllText(Directory.GetFiles(Path.Combine(folder, "outbox"), "*.eml", SearchOption.AllDirectories).First());
        Assert.Contains("Content-Type: text/plain; charset=utf-8", eml, StringComparison.Ordinal);
        Assert.Contains("Padaria Estrela Ltda", eml, StringComparison.Ordinal);
        Assert.Contains("11.222.333/0001-81", eml, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UserTemplate_IsUsedForItsStepAndChannel()
    {
        var folder = Scratch.Folder();
        var templates = Templates(folder, "boleto.whatsapp.txt", "Oi {{ customer.first_name }}, segue o boleto. MARCA-DE-TESTE\n");

        var result = Kolek.Run(folder, Args(folder, "--ruler", Kolek.DataFile("ruler.json"), "--templates", templates));

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        var d0 = result.Json().GetProperty("sent").EnumerateArray()
            .First(s => s.GetProperty("stepId").GetString() == "d0" && s.GetProperty("channel").GetString() == "whatsapp");
        var file = Directory.GetFiles(Path.Combine(folder, "outbox", "whatsapp"), $"*{d0.GetProperty("messageId").GetString()}.json").Single();
        Assert.Contains("MARCA-DE-TESTE", JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_InvalidTemplate_ExitsTwoListingTheErrorsAndSendsNothing()
    {
        var folder = Scratch.Folder();
        var templates = Templates(folder, "atraso.email.txt", "Olá {{ customer.first_name }}, sem assunto e {{ nao.existe }}\n");

        var result = Kolek.Run(folder, Args(folder, "--ruler", Kolek.DataFile("ruler.json"), "--templates", templates));

        Assert.Equal(2, result.ExitCode);
        var errors = result.Json().GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("code").GetString() == "template.missing_subject");
        Assert.All(errors, e => Assert.StartsWith("atraso.email.txt", e.GetProperty("path").GetString(), StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(folder, "outbox")));
    }

    [Fact]
    public void Run_UnknownTemplateName_FallsBackWithAWarning()
    {
        var folder = Scratch.Folder();
        var ruler = Scratch.Ruler(folder, json => json.Replace("\"template\": \"boleto\"", "\"template\": \"inexistente\"", StringComparison.Ordinal));

        var result = Kolek.Run(folder, Args(folder, "--ruler", ruler));

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        var json = result.Json();
        Assert.Contains(json.GetProperty("sent").EnumerateArray(), s => s.GetProperty("stepId").GetString() == "d0");
        var warnings = json.GetProperty("warnings").EnumerateArray().ToList();
        Assert.Contains(warnings, w => w.GetProperty("code").GetString() == "template.fallback"
            && w.GetProperty("message").GetString()!.Contains("inexistente", StringComparison.Ordinal));
    }

    /// <summary>Found by a user trial: a template file with a typo in its name was silently never used (the built-in went out).</summary>
    [Fact]
    public void Run_TemplateFilesNoStepUses_AreReportedAsWarnings()
    {
        var folder = Scratch.Folder();
        var templates = Templates(folder, "atrazo.email.txt", "Subject: Oi\n\nOi {{ customer.first_name }}\n");
        File.WriteAllText(Path.Combine(templates, "atraso-whatsapp.txt"), "Oi {{ customer.first_name }}\n");
        File.WriteAllText(Path.Combine(templates, "generico.email.txt"), "Subject: Oi\n\nOi {{ customer.first_name }}\n");

        var result = Kolek.Run(folder, Args(folder, "--ruler", Kolek.DataFile("ruler.json"), "--templates", templates));

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        var warnings = result.Json().GetProperty("warnings").EnumerateArray()
            .Select(w => (w.GetProperty("code").GetString(), w.GetProperty("message").GetString()!)).ToList();
        Assert.Contains(warnings, w => w.Item1 == "template.unused" && w.Item2.Contains("atrazo.email.txt", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Item1 == "template.file_ignored" && w.Item2.Contains("atraso-whatsapp.txt", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w.Item2.Contains("generico.email.txt", StringComparison.Ordinal));
    }

    /// <summary>Found by a user trial: CUSTOMERS.csv saved by Excel in Windows-1252 put "Jos\uFFFD" in the messages, silently.</summary>
    [Fact]
    public void Run_CustomersFileInWindows1252_IsReadWithAWarningAndTheNamesAreRight()
    {
        var folder = Scratch.Folder();
        var customers = Path.Combine(folder, "clientes-excel.csv");
        File.WriteAllBytes(customers, System.Text.Encoding.Latin1.GetBytes(File.ReadAllText(Kolek.DataFile("customers.csv"))));

        var result = Kolek.Run(folder, Args(folder, "--ruler", Kolek.DataFile("ruler.json"), "--customers", customers));

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        var warning = Assert.Single(result.Json().GetProperty("inputWarnings").EnumerateArray(),
            w => w.GetProperty("code").GetString() == "input.encoding");
        Assert.Contains("clientes-excel.csv:", warning.GetProperty("path").GetString(), StringComparison.Ordinal);
        var texts = OutboxFiles(folder).Select(File.ReadAllText).ToList();
        Assert.DoesNotContain(texts, t => t.Contains('\uFFFD', StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("Olá, Sebastião.", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_InvalidRuler_ExitsTwoAndSendsNothing()
    {
        var folder = Scratch.Folder();
        var ruler = Scratch.Ruler(folder, json => json.Replace("\"America/Sao_Paulo\"", "\"America/Atlantida\"", StringComparison.Ordinal));

        var result = Kolek.Run(folder, Args(folder, "--ruler", ruler));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(result.Json().GetProperty("errors").EnumerateArray(), e => e.GetProperty("code").GetString() == "ruler.timezone.unknown");
        Assert.False(File.Exists(Path.Combine(folder, "kolek.db")));
        Assert.False(Directory.Exists(Path.Combine(folder, "outbox")));
    }

    [Theory]
    [InlineData("--at", "ontem")]
    [InlineData("--creditor-cnpj", "11.222.333/0001-00")]
    public void Run_BadOption_ExitsTwo(string option, string value)
    {
        var folder = Scratch.Folder();

        var result = Kolek.Run(folder, [.. Args(folder, "--ruler", Kolek.DataFile("ruler.json")), option, value]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(option, result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>A templates folder holding one file.</summary>
    private static string Templates(string folder, string fileName, string content)
    {
        var templates = Directory.CreateDirectory(Path.Combine(folder, "templates")).FullName;
        File.WriteAllText(Path.Combine(templates, fileName), content);
        return templates;
    }

    private static string[] OutboxFiles(string folder) =>
        Directory.GetFiles(Path.Combine(folder, "outbox"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
}
