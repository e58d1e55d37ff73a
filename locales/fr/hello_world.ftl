### Messages de l'exemple « Bonjour le monde », français (fr-FR, fr-CA).

welcome = Bienvenue ! Vous pouvez me dire bonjour.
welcome-reprompt = Vous pouvez dire bonjour.
hello-world = Bonjour le monde !
help = Je salue le monde dans votre langue. Dites simplement « bonjour » pour entendre mon salut.
help-reprompt = Dites « bonjour » pour entendre mon salut.
# $name (String) - un prénom donné par l'utilisateur.
hello-name = Bonjour, { $name } !
