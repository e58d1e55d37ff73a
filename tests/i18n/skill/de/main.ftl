welcome = Willkommen bei Obstfakten! Frag nach einem Obstfakt oder sag „Hilfe“.
fact = { $fruit } hat { $calories } Kalorien pro hundert Gramm.
basket = { $count ->
    [one] Du hast einen Apfel, { $name }.
   *[other] Du hast { $count } Äpfel, { $name }.
}
colour = Was ist deine Lieblingsfarbe?
greeting = Hallo, { $name }!
countdown = Bereit? <break time="1s"/> Los!
weight = Das wiegt { $kg } Kilogramm.
card = Obstfakten
    .title = Obst des Tages
