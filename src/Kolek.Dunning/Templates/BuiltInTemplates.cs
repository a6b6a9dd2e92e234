namespace Kolek.Dunning.Templates;

/// <summary>The pt-BR templates Kolek ships for the example ruler's steps, per channel.</summary>
/// <remarks>
/// Tone rules: address the customer by name, assume good faith, state amounts and dates precisely, always say how to
/// pay and how to talk to the creditor, identify the creditor by name and CNPJ (CDC art. 42-A), never threaten, never
/// shame, and never mention the debt to anyone but the customer. Escalation (protest, credit bureau) is mentioned only in
/// the final notice, as a possibility under the law. SMS texts avoid letters outside GSM-7 (á, ã, ç…) so that a message
/// costs 160 characters per part instead of 70.
/// </remarks>
internal static class BuiltInTemplates
{
    internal const string Generic = "generico";
    internal const string Email = "email";
    internal const string WhatsApp = "whatsapp";
    internal const string Sms = "sms";

    private const string EmailReminderCharges = """
        {{# charges }}
        - Documento {{ id }}, vencimento em {{ due_date }}: {{ updated_amount }}
        {{/ charges }}


        """;

    private const string EmailOverdueCharges = """
        {{# charges }}
        - Documento {{ id }}, {{# overdue }}vencido{{/ overdue }}{{^ overdue }}vence{{/ overdue }} em {{ due_date }}{{# overdue }} ({{ days_late_text }} de atraso){{/ overdue }}: {{ updated_amount }}
        {{# partially_paid }}
          Valor original {{ original_amount }}, já pago {{ amount_paid }}.
        {{/ partially_paid }}
        {{# has_late_charges }}
          Inclui {{ late_charges }} de multa e juros sobre {{ open_balance }} em aberto.
        {{/ has_late_charges }}
        {{/ charges }}


        """;

    // "Como pagar:" only when some charge has a linha digitável, PIX copia e cola or link (an ERP may export none of them);
    // otherwise the customer is told how to ask for them.
    private const string EmailPayment = """
        {{# payment_details }}
        Como pagar:
        {{# charges }}
        {{# payment_details }}
        {{# multiple_charges }}
        Documento {{ id }}
        {{/ multiple_charges }}
        {{# linha_digitavel }}
          Linha digitável do boleto: {{ linha_digitavel }}
        {{/ linha_digitavel }}
        {{# pix_copia_e_cola }}
          PIX copia e cola: {{ pix_copia_e_cola }}
        {{/ pix_copia_e_cola }}
        {{# payment_link }}
          Pagamento on-line: {{ payment_link }}
        {{/ payment_link }}
        {{/ payment_details }}
        {{/ charges }}

        {{/ payment_details }}
        Total: {{ total_due }}
        {{^ payment_details }}

        Para receber a segunda via do boleto ou os dados para pagamento por PIX, responda a esta mensagem.
        {{/ payment_details }}


        """;

    private const string EmailFooter = """
        Se o pagamento já foi feito, por favor desconsidere esta mensagem. Em caso de dúvida, basta responder a este e-mail{{# creditor.contact }} ou falar conosco pelo {{ creditor.contact }}{{/ creditor.contact }}.

        Atenciosamente,
        {{ creditor.name }}
        CNPJ {{ creditor.cnpj }}
        {{# creditor.address }}
        {{ creditor.address }}
        {{/ creditor.address }}
        """;

    private const string ShortCharges = """
        {{# charges }}
        • Doc. {{ id }}: {{ updated_amount }}, {{# overdue }}vencido em{{/ overdue }}{{^ overdue }}vence em{{/ overdue }} {{ due_date }}
        {{# pix_copia_e_cola }}
          PIX copia e cola: {{ pix_copia_e_cola }}
        {{/ pix_copia_e_cola }}
        {{^ pix_copia_e_cola }}
        {{# linha_digitavel }}
          Linha digitável: {{ linha_digitavel }}
        {{/ linha_digitavel }}
        {{/ pix_copia_e_cola }}
        {{# payment_link }}
          Pague on-line: {{ payment_link }}
        {{/ payment_link }}
        {{/ charges }}

        """;

    private const string ShortFooter = """

        {{ creditor.name }} · CNPJ {{ creditor.cnpj }}
        """;

    private const string DocumentsBelow =
        "{{# multiple_charges }}aos documentos abaixo{{/ multiple_charges }}{{^ multiple_charges }}ao documento abaixo{{/ multiple_charges }}";

    private const string SmsLink = "{{# charges }}{{# payment_link }} Pague em {{ payment_link }}{{/ payment_link }}{{/ charges }}";

    private const string SmsFooter = " {{ creditor.name }} CNPJ {{ creditor.cnpj }}";

    /// <summary>Gets the built-in sources: (template name, channel, content).</summary>
    internal static IEnumerable<(string Name, string Channel, string Content)> Sources()
    {
        // lembrete: pre-due reminder.
        yield return ("lembrete", Email, "Subject: Lembrete de vencimento - {{ creditor.name }}\n\n"
            + "Olá, {{ customer.first_name }}.\n\nEste é um lembrete de {{ creditor.name }} sobre o próximo vencimento:\n\n"
            + EmailReminderCharges + EmailPayment + EmailFooter);
        yield return ("lembrete", WhatsApp, "Olá, {{ customer.first_name }}! Aqui é {{ creditor.name }}. Passando para lembrar do vencimento:\n"
            + ShortCharges + "Se já pagou, desconsidere esta mensagem." + ShortFooter);
        yield return ("lembrete", Sms, "Ola {{ customer.first_name }}, lembrete: {{ total_due }} vence em {{ first_due_date }}." + SmsLink
            + " Se ja pagou, desconsidere." + SmsFooter);

        // boleto: the payment slip / PIX is available.
        yield return ("boleto", Email, "Subject: Seus dados para pagamento - {{ creditor.name }}\n\n"
            + "Olá, {{ customer.first_name }}.\n\nOs dados para pagamento da sua cobrança de {{ creditor.name }} já estão disponíveis:\n\n"
            + EmailReminderCharges + EmailPayment + EmailFooter);
        yield return ("boleto", WhatsApp, "Olá, {{ customer.first_name }}! Aqui é {{ creditor.name }}. Seus dados para pagamento:\n"
            + ShortCharges + "Qualquer dúvida, é só responder." + ShortFooter);
        yield return ("boleto", Sms, "Ola {{ customer.first_name }}, sua cobranca de {{ total_due }} vence em {{ first_due_date }}."
            + "{{# charges }}{{# linha_digitavel }} Linha digitavel: {{ linha_digitavel }}{{/ linha_digitavel }}{{/ charges }}" + SmsLink + SmsFooter);

        // atraso: D+2 friendly notice.
        yield return ("atraso", Email, "Subject: Pagamento pendente - {{ creditor.name }}\n\n"
            + "Olá, {{ customer.first_name }}.\n\nAté agora não identificamos o pagamento referente " + DocumentsBelow + ". Pode ter sido só um esquecimento: "
            + "você pode regularizar facilmente{{# payment_details }} com os dados a seguir{{/ payment_details }}.\n\n"
            + EmailOverdueCharges + EmailPayment + EmailFooter);
        yield return ("atraso", WhatsApp, "Olá, {{ customer.first_name }}! Aqui é {{ creditor.name }}. Não identificamos o pagamento referente " + DocumentsBelow + "; "
            + "se foi só um esquecimento, dá para resolver agora:\n" + ShortCharges + "Se já pagou, desconsidere." + ShortFooter);
        yield return ("atraso", Sms, "Ola {{ customer.first_name }}, nao identificamos o pagamento de {{ total_due }} (venc. {{ first_due_date }})."
            + SmsLink + " Se ja pagou, desconsidere." + SmsFooter);

        // atraso-firme: D+5, firmer, offers to talk.
        yield return ("atraso-firme", Email, "Subject: Pagamento em atraso - {{ creditor.name }}\n\n"
            + "Olá, {{ customer.first_name }}.\n\nAinda consta em aberto o pagamento referente " + DocumentsBelow + ". Pedimos que o regularize o quanto antes, "
            + "para evitar novos encargos. Se estiver com alguma dificuldade, responda a esta mensagem: podemos combinar uma forma de pagamento.\n\n"
            + EmailOverdueCharges + EmailPayment + EmailFooter);
        yield return ("atraso-firme", WhatsApp, "Olá, {{ customer.first_name }}. Aqui é {{ creditor.name }}. Segue em aberto o pagamento referente " + DocumentsBelow + "; "
            + "pedimos que regularize para evitar novos encargos:\n" + ShortCharges
            + "Se precisar combinar outra forma de pagamento, responda esta mensagem." + ShortFooter);
        yield return ("atraso-firme", Sms, "Ola {{ customer.first_name }}, seu pagamento de {{ total_due }} segue em aberto desde {{ first_due_date }}."
            + SmsLink + " Regularize para evitar novos encargos ou responda para negociar." + SmsFooter);

        // aviso-final: D+10, last notice before escalation, stated as a possibility, no threat.
        yield return ("aviso-final", Email, "Subject: Aviso importante sobre pagamento em aberto - {{ creditor.name }}\n\n"
            + "Olá, {{ customer.first_name }}.\n\nApesar dos nossos contatos anteriores, ainda consta em aberto o pagamento referente " + DocumentsBelow + ".\n\n"
            + EmailOverdueCharges
            + "Se a pendência não for regularizada, o débito poderá ser encaminhado a protesto em cartório e/ou à inclusão em cadastros "
            + "de proteção ao crédito, nos termos da lei. Queremos evitar isso: se precisar de um acordo ou de mais prazo, responda a esta mensagem.\n\n"
            + EmailPayment + EmailFooter);
        yield return ("aviso-final", WhatsApp, "Olá, {{ customer.first_name }}. Aqui é {{ creditor.name }}, com um aviso importante: "
            + "ainda está em aberto o pagamento referente " + DocumentsBelow + ".\n" + ShortCharges
            + "Sem regularização, o débito poderá ser levado a protesto ou a cadastros de proteção ao crédito. "
            + "Queremos evitar isso: responda para combinarmos um acordo." + ShortFooter);
        yield return ("aviso-final", Sms, "Ola {{ customer.first_name }}, aviso final: {{ total_due }} em aberto desde {{ first_due_date }}."
            + " Sem regularizacao, o debito podera ir a protesto ou cadastro de credito. Responda para um acordo." + SmsLink + SmsFooter);

        // generico: the fallback for unknown template names; adapts to whether anything is overdue.
        yield return (Generic, Email, "Subject: Informações sobre seu pagamento - {{ creditor.name }}\n\n"
            + "Olá, {{ customer.first_name }}.\n\n{{# overdue }}Consta em aberto o pagamento referente " + DocumentsBelow + ".{{/ overdue }}"
            + "{{^ overdue }}Seguem as informações de pagamento referentes " + DocumentsBelow + ".{{/ overdue }}\n\n"
            + EmailOverdueCharges + EmailPayment + EmailFooter);
        yield return (Generic, WhatsApp, "Olá, {{ customer.first_name }}! Aqui é {{ creditor.name }}. "
            + "{{# overdue }}Consta em aberto:{{/ overdue }}{{^ overdue }}Informações do seu pagamento:{{/ overdue }}\n"
            + ShortCharges + "Se já pagou, desconsidere." + ShortFooter);
        yield return (Generic, Sms, "Ola {{ customer.first_name }}, pagamento de {{ total_due }}, vencimento {{ first_due_date }}."
            + SmsLink + " Se ja pagou, desconsidere." + SmsFooter);
    }
}
