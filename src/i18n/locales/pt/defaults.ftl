# Mensagens integradas do alexa-kit (português do Brasil, com "você").

welcome = Boas-vindas! Diga “ajuda” para saber o que eu posso fazer. O que você gostaria de fazer?
welcome-reprompt = O que você gostaria de fazer? Se tiver dúvidas, diga “ajuda”.
help = É só me dizer o que você gostaria de fazer, e eu faço o possível. Para sair, diga “pare”. O que você gostaria de fazer?
help-reprompt = O que você gostaria de fazer? Para sair, diga “pare”.
goodbye = Tchau!
fallback = Desculpe, não entendi. Diga “ajuda” para saber o que eu posso fazer, ou me diga o que você gostaria de fazer.
fallback-reprompt = O que você gostaria de fazer? Você também pode dizer “ajuda”.
error = Desculpe, algo deu errado. Por favor, tente de novo.
navigate-home = Tudo bem, até a próxima!
permission-consent = Preciso da sua permissão para isso. Enviei um cartão para o app Alexa, onde você pode concedê-la.
