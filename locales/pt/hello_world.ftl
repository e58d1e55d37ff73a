### Mensagens do exemplo "Olá, mundo!", português do Brasil (pt-BR).

welcome = Boas-vindas! É só me dizer olá.
welcome-reprompt = Você pode dizer olá.
hello-world = Olá, mundo!
help = Eu cumprimento o mundo no seu idioma. É só dizer olá para ouvir o meu cumprimento.
help-reprompt = Diga olá para ouvir o meu cumprimento.
# $name (String) - um nome informado pelo usuário.
hello-name = Olá, { $name }!
