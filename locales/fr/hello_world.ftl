### Messages de l'exemple « Bonjour le monde », français (fr-FR, fr-CA).
### Typographie française : espace fine insécable (U+202F) devant ! ? ; : et à l'intérieur des « ».
### Bienvenue et aide se terminent par une question qui dit quoi répondre.

welcome = Bienvenue ! Je salue le monde dans votre langue. Voulez-vous me dire bonjour, ou me donner votre prénom ?
welcome-reprompt = Voulez-vous me dire bonjour, ou me donner votre prénom ?
hello-world = Bonjour le monde !
help = Je salue le monde dans votre langue, et vous aussi par votre prénom si vous me le donnez. Dites par exemple « bonjour » ou « je m'appelle Léa ». Que voulez-vous me dire ?
help-reprompt = Voulez-vous dire « bonjour », ou me donner votre prénom ?
# $name (String) - un prénom donné par l'utilisateur.
hello-name = Bonjour, { $name } !
