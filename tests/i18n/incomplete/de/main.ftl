# Forgot $name in greeting and never translated farewell.
greeting = Hallo!
score = { $name }, du hast { $points ->
    [one] einen Punkt
   *[other] { $points } Punkte
}.
