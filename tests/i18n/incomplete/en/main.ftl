greeting = Hello, { $name }!
score = { $name }, you have { $points ->
    [one] one point
   *[other] { $points } points
}.
farewell = See you!
