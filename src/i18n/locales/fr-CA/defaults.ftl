# Messages intégrés d'alexa-kit : variante canadienne (typographie de l'OQLF : pas d'espace devant ! ? ;, espace insécable devant : et à l'intérieur des « » ; tournures québécoises ; « Au revoir » convient à toute heure).

welcome = Bienvenue! Dites « aide » pour savoir ce que je peux faire. Qu'est-ce que vous aimeriez faire?
welcome-reprompt = Qu'est-ce que vous aimeriez faire? Si vous hésitez, dites « aide ».
help = Dites-moi simplement ce que vous aimeriez faire, et je vais faire de mon mieux. Pour quitter, dites « arrête ». Qu'est-ce que vous aimeriez faire?
help-reprompt = Qu'est-ce que vous aimeriez faire? Pour quitter, dites « arrête ».
goodbye = Au revoir!
fallback = Désolée, je n'ai pas compris. Dites « aide » pour savoir ce que je peux faire, ou dites-moi ce que vous aimeriez faire.
fallback-reprompt = Qu'est-ce que vous aimeriez faire? Vous pouvez aussi dire « aide ».
error = Désolée, quelque chose n'a pas fonctionné. Veuillez réessayer.
navigate-home = Parfait, à la prochaine!
permission-consent = J'ai besoin de votre permission pour ça. Je vous ai envoyé une carte dans l'application Alexa pour l'accorder.
