# Messages intégrés d'alexa-kit (français de France, vouvoiement ; espace fine insécable U+202F devant ! ? ; : et à l'intérieur des « »).

welcome = Bienvenue ! Dites « aide » pour savoir ce que je peux faire. Que voulez-vous faire ?
welcome-reprompt = Que voulez-vous faire ? En cas de doute, dites « aide ».
help = Dites-moi simplement ce que vous voulez faire, et je ferai de mon mieux. Pour quitter, dites « stop ». Que voulez-vous faire ?
help-reprompt = Que voulez-vous faire ? Pour quitter, dites « stop ».
goodbye = Au revoir !
fallback = Désolée, je n'ai pas compris. Dites « aide » pour savoir ce que je peux faire, ou dites-moi ce que vous voulez faire.
fallback-reprompt = Que voulez-vous faire ? Vous pouvez aussi dire « aide ».
error = Désolée, un problème est survenu. Veuillez réessayer.
navigate-home = D'accord, à bientôt !
permission-consent = J'ai besoin de votre autorisation pour cela. Je vous ai envoyé une carte dans l'application Alexa pour la donner.
