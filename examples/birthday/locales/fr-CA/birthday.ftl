### Décompte de fête, variante canadienne (fr-CA) : on dit « fête » pour l'anniversaire, « Bonne fête! »,
### on quitte avec « arrête » comme dans l'aide intégrée. Typographie de l'OQLF : pas d'espace devant ! ? ;,
### espace insécable devant : et à l'intérieur des « ».

welcome = Bonjour! Je compte les jours jusqu'à votre fête. Quelle est votre date de naissance?
welcome-reprompt = Dites le jour, le mois et l'année, par exemple : six novembre mille neuf cent quatre-vingt-dix. Quelle est votre date de naissance?
welcome-back = Bon retour!
help = Je retiens la date de votre fête et je compte les jours qui restent. Pour me la donner ou la changer, dites la date, par exemple : ma fête est le six novembre mille neuf cent quatre-vingt-dix. Quelle est votre date de naissance?
help-reprompt = Dites le jour, le mois et l'année. Quelle est votre date de naissance?
birthday-saved = Merci! Je retiens votre date de naissance : le { birthday-date }.
countdown = { $days ->
    [1] Votre fête, c'est demain!
   *[other] Plus que { $days } jours avant votre fête.
} Vous allez avoir { $age ->
    [one] { $age } an.
   *[other] { $age } ans.
}
happy-birthday = Bonne fête! Vous avez { $age ->
    [one] { $age } an
   *[other] { $age } ans
} aujourd'hui.
leap-day-note = Cette année n'a pas de 29 février : je compte donc jusqu'au 28 février.
invalid-date = Hum, je ne peux pas compter jusqu'au { birthday-date }. Dites le jour, le mois et l'année. Quelle est votre date de naissance?
goodbye = Au revoir! Je continue à compter pour vous.
cancelled = D'accord, on laisse faire. À la prochaine!
fallback = Désolée, je ne peux pas vous aider avec ça. Je compte les jours jusqu'à votre fête. Vous pouvez me donner votre date de naissance, ou dire « arrête ». Qu'est-ce que vous aimeriez faire?
fallback-reprompt = Vous pouvez me donner votre date de naissance, ou dire « arrête ». Qu'est-ce que vous aimeriez faire?
