"""No form: the right-of-access page asks for its PDF through the reports' form."""
