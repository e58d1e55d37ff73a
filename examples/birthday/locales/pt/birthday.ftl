### Contagem regressiva de aniversário, português do Brasil (pt-BR), com "você".
### Os números chegam como algarismos; a Alexa os lê em português.

welcome = Olá! Eu conto os dias que faltam para o seu aniversário. Qual é a sua data de nascimento?
welcome-reprompt = Diga o dia, o mês e o ano, por exemplo: seis de novembro de mil novecentos e noventa. Qual é a sua data de nascimento?
welcome-back = Que bom ter você de volta!
help = Eu guardo a data do seu aniversário e conto os dias que faltam. Para me dizer ou mudar a data, é só falar, por exemplo: meu aniversário é seis de novembro de mil novecentos e noventa. Qual é a sua data de nascimento?
help-reprompt = Diga o dia, o mês e o ano. Qual é a sua data de nascimento?
# $month (Number) de 1 a 12.
month-name = { $month ->
    [1] janeiro
    [2] fevereiro
    [3] março
    [4] abril
    [5] maio
    [6] junho
    [7] julho
    [8] agosto
    [9] setembro
    [10] outubro
    [11] novembro
   *[12] dezembro
}
# $month (Number), $day (Number), $year (Number). O primeiro dia do mês se escreve "1º".
birthday-date = { $day ->
    [1] 1º
   *[other] { $day }
} de { month-name } de { $year }
birthday-saved = Obrigada! Vou lembrar que você nasceu em { birthday-date }.
# $days (Number) dias até o próximo aniversário, $age (Number) a idade nesse dia.
countdown = { $days ->
    [1] O seu aniversário é amanhã!
   *[other] Faltam { $days } dias para o seu aniversário.
} Você vai fazer { $age ->
    [one] { $age } ano.
   *[other] { $age } anos.
}
happy-birthday = Feliz aniversário! Hoje você faz { $age ->
    [one] { $age } ano.
   *[other] { $age } anos.
}
leap-day-note = Este ano não tem vinte e nove de fevereiro, então eu conto até o dia vinte e oito.
invalid-date = Hum, não consigo contar até { birthday-date }. Diga o dia, o mês e o ano. Qual é a sua data de nascimento?
goodbye = Tchau! Eu continuo contando por você.
cancelled = Tudo bem, deixa pra lá. Até a próxima!
fallback = Desculpe, com isso eu não posso ajudar. Eu conto os dias que faltam para o seu aniversário. Você pode me dizer a sua data de nascimento, ou dizer “pare”. O que você quer fazer?
fallback-reprompt = Você pode me dizer a sua data de nascimento, ou dizer “pare”. O que você quer fazer?
