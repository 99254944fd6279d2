graph [
  node [ id 1.2.3 ]
]
