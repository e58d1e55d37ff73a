### Mensagens do exemplo "Olá, mundo!", português do Brasil (pt-BR).
### As boas-vindas e a ajuda terminam com uma pergunta que diz o que falar.

welcome = Boas-vindas! Eu cumprimento o mundo no seu idioma. Quer me dizer olá, ou me contar o seu nome?
welcome-reprompt = Quer me dizer olá, ou me contar o seu nome?
hello-world = Olá, mundo!
help = Eu cumprimento o mundo no seu idioma, e você também, pelo nome, se me contar. Diga, por exemplo, olá, ou meu nome é Ana. O que você quer dizer?
help-reprompt = Você quer dizer olá, ou me contar o seu nome?
# $name (String) - um nome informado pelo usuário.
hello-name = Olá, { $name }!
