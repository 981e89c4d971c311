<!DOCTYPE html>
<html lang="en">

<head>
    <meta charset="UTF-8">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    <meta name="keywords" content="" />
    <meta name="description" content="" />
    <meta name="author" content="" />
    <title>Ineducator | Train online from leading industry experts</title>
    <?php include('includes/inc-css.php'); ?>

</head>

<body>

    <?php include('includes/navbar.php'); ?>
    <section class="faq-section">
        <div class="container-fluid">
            <div class="text-center section-title">
                <h1>
                    <b>Frequently Asked Questions</b>
                </h1>
            </div>
            <div class="row mx-0">
                <div class="col-12">
                    <div class="accordion mb-5" id="accordionExample">
                        <div class="faq-card">
                            <div class="card-header" id="headingOne">
                                <h2 class="clearfix mb-0">
                                    <a class="btn btn-link" data-toggle="collapse" data-target="#collapseOne"
                                        aria-expanded="true" aria-controls="collapseOne">1. What is a live webinar session?</a>
                                </h2>
                            </div>
                            <div id="collapseOne" class="collapse show" aria-labelledby="headingOne"
                                data-parent="#accordionExample">
                                <div class="card-body">Live webinar session is a real time session wherein a speaker gives a detailed description on the chosen topic and settles your doubts at the end of the session then and there. You just require smart phone, laptop or a PC and a good internet connection to attend the session.</div>
                            </div>
                        </div>
                        <div class="faq-card">
                            <div class="card-header" id="headingTwo">
                                <h2 class="mb-0">
                                    <a class="btn btn-link collapsed" data-toggle="collapse" data-target="#collapseTwo"
                                        aria-expanded="false" aria-controls="collapseTwo">2. What if I miss my webinar at the scheduled time? Can the session be viewed later or be transferred to a friend?</a>
                                </h2>
                            </div>
                            <div id="collapseTwo" class="collapse" aria-labelledby="headingTwo"
                                data-parent="#accordionExample">
                                <div class="card-body">Once you are unable to attend the session at the scheduled time, do not fret. You always have an option to transfer your seat to your pal or someone else who can attend the same. However, you must provide participant’s details such as name and contact number to prevent any confusion. You can also choose our recorded webinar option and can watch recorded webinar session later.</div>
                            </div>
                        </div>
                        <div class="faq-card">
                            <div class="card-header" id="headingThree">
                                <h2 class="mb-0">
                                    <a class="btn btn-link collapsed" data-toggle="collapse"
                                        data-target="#collapseThree" aria-expanded="false"
                                        aria-controls="collapseThree">3. What is the duration of a webinar?</a>
                                </h2>
                            </div>
                            <div id="collapseThree" class="collapse" aria-labelledby="headingThree"
                                data-parent="#accordionExample">
                                <div class="card-body">Our webinars in general last not more than 60-90 minutes.</div>
                            </div>
                        </div>
                        <div class="faq-card">
                            <div class="card-header" id="headingFour">
                                <h2 class="mb-0">
                                    <a class="btn btn-link collapsed" data-toggle="collapse" data-target="#collapseFour"
                                        aria-expanded="false" aria-controls="collapseFour">4. Can the date and time of webinar be changed if they don’t suit me?</a>
                                </h2>
                            </div>
                            <div id="collapseFour" class="collapse" aria-labelledby="headingFour"
                                data-parent="#accordionExample">
                                <div class="card-body">The live webinar dates cannot be changes unless it is cancelled due to some technical glitch from the speaker or our end. In case you are unable to attend, you can watch the recorded webinar or request our customer care executive to replay the session as per your chosen schedule.</div>
                            </div>
                        </div>
                        <div class="faq-card">
                            <div class="card-header" id="headingFive">
                                <h2 class="mb-0">
                                    <a class="btn btn-link collapsed" data-toggle="collapse" data-target="#collapseFive"
                                        aria-expanded="false" aria-controls="collapseFour">5. How much time does it take to receive a transcript?</a>
                                </h2>
                            </div>
                            <div id="collapseFive" class="collapse" aria-labelledby="headingFive"
                                data-parent="#accordionExample">
                                <div class="card-body">It generally takes a period of 7-10 days for a transcript to get delivered to you via email. Please ensure you provide correct and working email address to avoid any losses or confusions.</div>
                            </div>
                        </div>
                        <div class="faq-card">
                            <div class="card-header" id="headingSix">
                                <h2 class="mb-0">
                                    <a class="btn btn-link collapsed" data-toggle="collapse" data-target="#collapseSix"
                                        aria-expanded="false" aria-controls="collapseFour">6. How long does it take to receive the ordered DVD?</a>
                                </h2>
                            </div>
                            <div id="collapseSix" class="collapse" aria-labelledby="headingSix"
                                data-parent="#accordionExample">
                                <div class="card-body">It takes 10 working days after the session goes live, to deliver DVD to your door.</div>
                            </div>
                        </div>
                        <div class="faq-card">
                            <div class="card-header" id="headingSeven">
                                <h2 class="mb-0">
                                    <a class="btn btn-link collapsed" data-toggle="collapse" data-target="#collapseSeven"
                                        aria-expanded="false" aria-controls="collapseFour">7. How to register for a webinar?</a>
                                </h2>
                            </div>
                            <div id="collapseSeven" class="collapse" aria-labelledby="headingSeven"
                                data-parent="#accordionExample">
                                <div class="card-body">You can register for a webinar by filling out theregistration form present on our website or you can also choose to contact our customer care executive on +1-(833) 568-8254 to get yourself registered. You can also email us at cs@ineducator.com to register for the session. with your complete details to get assistance via email.</div>
                            </div>
                        </div>
                        <div class="faq-card">
                            <div class="card-header" id="headingEight">
                                <h2 class="mb-0">
                                    <a class="btn btn-link collapsed" data-toggle="collapse" data-target="#collapseEight"
                                        aria-expanded="false" aria-controls="collapseFour">8. When will I receive my login credentials and materials for upcoming webinar?</a>
                                </h2>
                            </div>
                            <div id="collapseEight" class="collapse" aria-labelledby="headingEight"
                                data-parent="#accordionExample">
                                <div class="card-body">It takes 24 hours prior to the scheduled date of your live webinar to get the login credentials and downloadable webinar materials on your email address.</div>
                            </div>
                        </div>
                        <div class="faq-card">
                            <div class="card-header" id="headingNine">
                                <h2 class="mb-0">
                                    <a class="btn btn-link collapsed" data-toggle="collapse" data-target="#collapseNine"
                                        aria-expanded="false" aria-controls="collapseFour">9. How to attend the webinar?</a>
                                </h2>
                            </div>
                            <div id="collapseNine" class="collapse" aria-labelledby="headingNine"
                                data-parent="#accordionExample">
                                <div class="card-body">To attend a live session, all you need to do is connect your device with internet, fill out the registration form or login to your account, fill in your details and you are good to go.</div>
                            </div>
                        </div>
                        <div class="faq-card">
                            <div class="card-header" id="heading13">
                                <h2 class="mb-0">
                                    <a class="btn btn-link collapsed" data-toggle="collapse" data-target="#collapse13"
                                        aria-expanded="false" aria-controls="collapseFour">10. How to attend the webinar?</a>
                                </h2>
                            </div>
                            <div id="collapse13" class="collapse" aria-labelledby="heading13"
                                data-parent="#accordionExample">
                                <div class="card-body">To attend a live session, all you need to do is connect your device with internet, fill out the registration form or login to your account, fill in your details and you are good to go.</div>
                            </div>
                        </div>
                        <div class="faq-card">
                            <div class="card-header" id="headingTen">
                                <h2 class="mb-0">
                                    <a class="btn btn-link collapsed" data-toggle="collapse" data-target="#collapseTen"
                                        aria-expanded="false" aria-controls="collapseFour">11. How do I ask questions and when?</a>
                                </h2>
                            </div>
                            <div id="collapseTen" class="collapse" aria-labelledby="headingTen"
                                data-parent="#accordionExample">
                                <div class="card-body">10-15 minutes are reserved for participants to settle their doubts at the end of the webinar session. They can ask questions using the chat panel option. Further details will be provided during the live session.</div>
                            </div>
                        </div>
                        <div class="faq-card">
                            <div class="card-header" id="headingEleven">
                                <h2 class="mb-0">
                                    <a class="btn btn-link collapsed" data-toggle="collapse" data-target="#collapseEleven"
                                        aria-expanded="false" aria-controls="collapseFour">12. How do I obtain CEUs for a DVD or an electronic transcript?</a>
                                </h2>
                            </div>
                            <div id="collapseEleven" class="collapse" aria-labelledby="headingEleven"
                                data-parent="#accordionExample">
                                <div class="card-body">You will be provided with a set of instructions to access your CEU certificate and CEU index number along with DVD. In case of an electronic transcript, you will be sent guidelines to access the same on your registered email address.</div>
                            </div>
                        </div>
                        <div class="faq-card">
                            <div class="card-header" id="headingTwelve">
                                <h2 class="mb-0">
                                    <a class="btn btn-link collapsed" data-toggle="collapse" data-target="#collapseTwelve"
                                        aria-expanded="false" aria-controls="collapseFour">13. How do I make payment?</a>
                                </h2>
                            </div>
                            <div id="collapseTwelve" class="collapse" aria-labelledby="headingTwelve"
                                data-parent="#accordionExample">
                                <div class="card-body">Payments can be made using any of your major cards such as Visa, Master Card, American Express, and PayPal. We comply by PCI DSS regulations and therefore we do not store your card's any information in ensuring that your card is safely secured.</div>
                            </div>
                        </div>
                    </div>
                </div>
            </div>
        </div>
    </section>


    <?php include('includes/footer.php'); ?>
    <?php include('includes/inc-js.php'); ?>


</body>

</html>