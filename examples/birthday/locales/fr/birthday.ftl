### Compte à rebours d'anniversaire, français de France (fr-FR), vouvoiement ; fr-CA a sa variante.
### Typographie : espace fine insécable (U+202F) devant ! ? ; : et à l'intérieur des « ».
### Les nombres arrivent en chiffres ; Alexa les lit en français.

welcome = Bonjour ! Je compte les jours jusqu'à votre anniversaire. Quelle est votre date de naissance ?
welcome-reprompt = Dites le jour, le mois et l'année, par exemple : six novembre mille neuf cent quatre-vingt-dix. Quelle est votre date de naissance ?
welcome-back = Rebonjour !
help = Je retiens votre date d'anniversaire et je compte les jours qui vous en séparent. Pour me la donner ou la changer, dites la date, par exemple : mon anniversaire est le six novembre mille neuf cent quatre-vingt-dix. Quelle est votre date de naissance ?
help-reprompt = Dites le jour, le mois et l'année. Quelle est votre date de naissance ?
# $month (Number) de 1 à 12.
month-name = { $month ->
    [1] janvier
    [2] février
    [3] mars
    [4] avril
    [5] mai
    [6] juin
    [7] juillet
    [8] août
    [9] septembre
    [10] octobre
    [11] novembre
   *[12] décembre
}
# $month (Number), $day (Number), $year (Number). Le premier du mois s'écrit « 1er ».
birthday-date = { $day ->
    [1] 1er
   *[other] { $day }
} { month-name } { $year }
birthday-saved = Merci ! Je retiens votre date de naissance : le { birthday-date }.
# $days (Number) jours jusqu'au prochain anniversaire, $age (Number) l'âge ce jour-là.
countdown = { $days ->
    [1] Votre anniversaire, c'est demain !
   *[other] Plus que { $days } jours avant votre anniversaire.
} Vous aurez { $age ->
    [one] { $age } an.
   *[other] { $age } ans.
}
happy-birthday = Joyeux anniversaire ! Vous avez { $age ->
    [one] { $age } an
   *[other] { $age } ans
} aujourd'hui.
leap-day-note = Cette année n'a pas de 29 février : je compte donc jusqu'au 28 février.
invalid-date = Hum, je ne peux pas compter jusqu'au { birthday-date }. Dites le jour, le mois et l'année. Quelle est votre date de naissance ?
goodbye = Au revoir ! Je continue à compter pour vous.
cancelled = D'accord, on laisse tomber. À bientôt !
fallback = Désolée, je ne peux pas vous aider pour ça. Je compte les jours jusqu'à votre anniversaire. Vous pouvez me donner votre date de naissance, ou dire « stop ». Que voulez-vous faire ?
fallback-reprompt = Vous pouvez me donner votre date de naissance, ou dire « stop ». Que voulez-vous faire ?
