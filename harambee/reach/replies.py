"""The texts the platform answers by SMS, in each language a contact may choose.
Web pages translate through gettext; an SMS goes to someone who has no browser
language, so its texts are kept here, one table, short enough for one GSM-7 segment
where the language allows."""

from __future__ import annotations

# ruff: noqa: E501 (one text a line reads better than split strings)

REPLIES: dict[str, dict[str, str]] = {
    "stopped": {
        "en": "You will get no more messages from {site}. Text START to come back.",
        "fr": "Vous ne recevrez plus de messages de {site}. Envoyez START pour revenir.",
        "sw": "Hutapokea ujumbe zaidi kutoka {site}. Tuma START kurudi.",
        "pt": "Voce nao recebera mais mensagens de {site}. Envie START para voltar.",
    },
    "started": {
        "en": "Welcome back to {site}. Text HELP for help, STOP to stop.",
        "fr": "Bon retour sur {site}. Envoyez AIDE pour l'aide, STOP pour arreter.",
        "sw": "Karibu tena {site}. Tuma MSAADA kwa msaada, STOP kuacha.",
        "pt": "Bem-vindo de volta a {site}. Envie AJUDA para ajuda, STOP para parar.",
    },
    "help": {
        "en": "{site}: send a report as {keywords} and what you saw. JOIN <code> to join. STOP to stop.",
        "fr": "{site}: envoyez un rapport: {keywords} et ce que vous avez vu. REJOINDRE <code>. STOP pour arreter.",
        "sw": "{site}: tuma ripoti: {keywords} na ulichoona. JIUNGE <code> kujiunga. STOP kuacha.",
        "pt": "{site}: envie um relato: {keywords} e o que viu. ENTRAR <codigo>. STOP para parar.",
    },
    "joined": {
        "en": "You joined {space}. Send reports as {keywords} ... STOP to stop.",
        "fr": "Vous avez rejoint {space}. Rapports: {keywords} ... STOP pour arreter.",
        "sw": "Umejiunga na {space}. Ripoti: {keywords} ... STOP kuacha.",
        "pt": "Voce entrou em {space}. Relatos: {keywords} ... STOP para parar.",
    },
    "unknown_code": {
        "en": "We do not know that code. Check it and try again.",
        "fr": "Ce code est inconnu. Verifiez-le et reessayez.",
        "sw": "Hatujui nambari hiyo. Iangalie na ujaribu tena.",
        "pt": "Nao conhecemos esse codigo. Verifique e tente de novo.",
    },
    "report_received": {
        "en": "Thank you: report {number} received. It stays inside {space} until a facilitator checks it; then it may be published without your name.",
        "fr": "Merci: rapport {number} recu. Il reste dans {space} jusqu'a verification; il pourra ensuite etre publie sans votre nom.",
        "sw": "Asante: ripoti {number} imepokelewa. Itabaki ndani ya {space} hadi ikaguliwe; kisha inaweza kuchapishwa bila jina lako.",
        "pt": "Obrigado: relato {number} recebido. Fica em {space} ate ser verificado; depois pode ser publicado sem o seu nome.",
    },
    "inbox": {
        "en": "Thank you, a facilitator will read your message.",
        "fr": "Merci, un facilitateur lira votre message.",
        "sw": "Asante, mwezeshaji atasoma ujumbe wako.",
        "pt": "Obrigado, um facilitador vai ler a sua mensagem.",
    },
    "answer_counted": {
        "en": "Thank you, your answer {option} is counted.",
        "fr": "Merci, votre reponse {option} est comptee.",
        "sw": "Asante, jibu lako {option} limehesabiwa.",
        "pt": "Obrigado, a sua resposta {option} foi contada.",
    },
    "answer_again": {
        "en": "Your first answer is the one counted: one answer per phone.",
        "fr": "Votre premiere reponse est celle qui compte: une par telephone.",
        "sw": "Jibu lako la kwanza ndilo linalohesabiwa: jibu moja kwa simu.",
        "pt": "A sua primeira resposta e a que conta: uma por telefone.",
    },
    "answer_bad": {
        "en": "Please answer with the number of one option.",
        "fr": "Repondez avec le numero d'une option.",
        "sw": "Tafadhali jibu kwa nambari ya chaguo moja.",
        "pt": "Responda com o numero de uma opcao.",
    },
}


def reply(what: str, language: str, **values: object) -> str:
    texts = REPLIES[what]
    return texts.get(language, texts["en"]).format(**values)
